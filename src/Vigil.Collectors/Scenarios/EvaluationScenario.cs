using Vigil.Core.Events;

namespace Vigil.Collectors.Scenarios;

/// <summary>
/// Three weeks of one Windows server with one kind of incident injected into week 3 (or a change that should not page).
/// </summary>
/// <param name="Name">Short name, e.g. <c>brute-force</c>.</param>
/// <param name="Description">What was injected, when.</param>
/// <param name="Events">Every event of the three weeks, in time order.</param>
/// <param name="IncidentHours">The hours a detector should flag (labelled 1); empty for a change that should not page.</param>
public sealed record EvaluationScenario(string Name, string Description, IReadOnlyList<LogEvent> Events, IReadOnlySet<DateTime> IncidentHours);
