using Vigil.Core.Detection;

namespace Vigil.Alerts;

/// <summary>What detection hands to alerting: the anomalous hours of one run, for one host/source.</summary>
/// <param name="Source">The source spec(s) the hours were computed from.</param>
/// <param name="Host">The machine Vigil runs on, or the computer named in the events.</param>
/// <param name="Hours">The anomalous hours, oldest first (empty for a resolution).</param>
/// <param name="DetectedAt">When detection ran (UTC).</param>
public sealed record Alert(string Source, string Host, IReadOnlyList<HourDetection> Hours, DateTime DetectedAt)
{
    /// <summary>Whether this opens an incident, updates it, resolves it, or only tests a channel.</summary>
    public AlertKind Kind { get; init; } = AlertKind.New;

    /// <summary>Ties an incident's first alert, its updates and its resolution together; empty for a test.</summary>
    public string IncidentId { get; init; } = "";

    /// <summary>
    /// The model that scored the hours (its content hash, as the stored verdicts name it); with each hour's score,
    /// threshold and reasons the alert says why it paged, whatever model is current when it is read.
    /// </summary>
    public string? ModelId { get; init; }

    /// <summary>The dashboard's address (config <c>[alerts] public_url</c>), or null when none is published.</summary>
    public string? DashboardUrl { get; init; }
}
