namespace Vigil.Collectors;

/// <summary>What to read and where to report problems and progress.</summary>
public sealed record SourceReadOptions
{
    public DateTime From { get; init; } = DateTime.MinValue;

    public DateTime To { get; init; } = DateTime.MaxValue;

    /// <summary>Receives one line per problem that did not stop the read (skipped lines, bad chunks).</summary>
    public Action<string> Warn { get; init; } = static _ => { };

    /// <summary>Receives the fraction (0–1) of the source read so far, when the source can tell.</summary>
    public IProgress<double>? Progress { get; init; }

    public static SourceReadOptions Everything { get; } = new();
}
