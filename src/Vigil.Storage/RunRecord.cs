using Vigil.Core.Windows;

namespace Vigil.Storage;

/// <summary>One setup or detect run as stored; <see cref="Outcome"/> is null while it runs (or when it died).</summary>
public sealed record RunRecord(long Id, string Kind, string Source, HourRange Range, DateTime StartedAt, DateTime? FinishedAt, RunOutcome? Outcome);
