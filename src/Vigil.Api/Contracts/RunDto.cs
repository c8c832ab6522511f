using Vigil.Storage;

namespace Vigil.Api.Contracts;

/// <summary>One stored setup or detect run; <see cref="Succeeded"/> is null while it runs or when it died.</summary>
public sealed record RunDto(long Id, string Kind, string Source, DateTime RangeStart, DateTime RangeEnd, DateTime StartedAt, DateTime? FinishedAt, bool? Succeeded, long? Events, int? Hours, int? Anomalies, string? Message)
{
    public static RunDto From(RunRecord run) => new(
        run.Id,
        run.Kind,
        run.Source,
        run.Range.Start,
        run.Range.End,
        run.StartedAt,
        run.FinishedAt,
        run.Outcome?.Succeeded,
        run.Outcome?.EventsCollected,
        run.Outcome?.HoursScored,
        run.Outcome?.Anomalies,
        run.Outcome?.Message);
}
