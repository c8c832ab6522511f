namespace Vigil.Ingest;

/// <summary>What the ingestion road keeps and how it judges dates; from <c>[vigil] min_level</c> and <c>[detection] future_tolerance_hours</c>.</summary>
/// <param name="MinLevel">The least severe level stored (Windows numbers: 1 Critical … 5 Verbose); LogAlways (0) is always kept.</param>
/// <param name="FutureTolerance">How far past the clock an event may be dated before it is reported as dated in the future.</param>
public sealed record IngestPolicy(int MinLevel, TimeSpan FutureTolerance)
{
    /// <summary>Everything kept, one day of tolerance (the defaults).</summary>
    public static IngestPolicy Default { get; } = new(5, TimeSpan.FromDays(1));
}
