using Vigil.Core.Detection;

namespace Vigil.Storage;

/// <summary>The verdicts one run stores: every hour it scored, for one scope, by one model.</summary>
/// <param name="Scope">The scope's key (<see cref="VerdictScope.Key"/>): verdicts of other scopes are never touched.</param>
/// <param name="ModelId">The model that scored them (<c>ModelDocument.Id</c>).</param>
public sealed record RunVerdicts(string Scope, string ModelId, IReadOnlyList<HourDetection> Hours)
{
    /// <summary>
    /// The incidents these verdicts opened, updated or resolved, as they now stand: stored with the verdicts, in the same
    /// transaction (an incident row is replaced whole, except an acknowledgement made meanwhile, which stays).
    /// </summary>
    public IReadOnlyList<Incidents.IncidentRecord> Incidents { get; init; } = [];
}
