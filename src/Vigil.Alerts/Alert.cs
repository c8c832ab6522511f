using Vigil.Core.Detection;

namespace Vigil.Alerts;

/// <summary>What detection hands to alerting: the anomalous hours of one run, for one host/source.</summary>
/// <param name="Source">The source spec(s) the hours were computed from.</param>
/// <param name="Host">The machine Vigil runs on, or the computer named in the events.</param>
/// <param name="Hours">The anomalous hours, oldest first.</param>
/// <param name="DetectedAt">When detection ran (UTC).</param>
public sealed record Alert(string Source, string Host, IReadOnlyList<HourDetection> Hours, DateTime DetectedAt);
