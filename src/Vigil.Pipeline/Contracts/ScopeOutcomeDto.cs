using Vigil.Pipeline.Fleet;

namespace Vigil.Pipeline.Contracts;

/// <summary>One host scope after <c>setup --host/--all-hosts</c> (snake_case in JSON).</summary>
/// <param name="State">learning, ok or anomalous (see <see cref="ScopeState"/>); failed when <paramref name="Error"/> is set.</param>
/// <param name="LearningHours">How many of the 168 learning hours the scope has seen.</param>
public sealed record ScopeOutcomeDto(string Host, string Source, string State, int LearningHours, string? ModelPath, int? HoursWithEvents, long? Events, string? Note, string? Error)
{
    public static ScopeOutcomeDto From(ScopeOutcome outcome) => new(
        outcome.Scope.Host,
        outcome.Scope.Source,
        outcome.Error is null ? outcome.State.ToString().ToLowerInvariant() : "failed",
        outcome.LearningHours,
        outcome.Trained?.ModelPath,
        outcome.Trained?.HoursWithEvents,
        outcome.Trained?.EventsInRange,
        outcome.Note,
        outcome.Error);
}
