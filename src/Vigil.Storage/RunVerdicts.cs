using Vigil.Core.Detection;

namespace Vigil.Storage;

/// <summary>The verdicts one run stores: every hour it scored, for one scope, by one model.</summary>
/// <param name="Scope">The scope's key (<see cref="VerdictScope.Key"/>): verdicts of other scopes are never touched.</param>
/// <param name="ModelId">The model that scored them (<c>ModelDocument.Id</c>).</param>
public sealed record RunVerdicts(string Scope, string ModelId, IReadOnlyList<HourDetection> Hours);
