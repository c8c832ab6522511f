using Vigil.Core.Detection;
using Vigil.Core.Models;
using Vigil.Core.Windows;

namespace Vigil.Pipeline;

/// <summary>A finished detection: every hour of the range, scored.</summary>
public sealed record DetectReport(HourRange Range, IReadOnlyList<HourDetection> Hours, CollectResult Collected, ModelDocument Model, string Sources)
{
    /// <summary>The hours someone is told about: flagged and outside maintenance windows.</summary>
    public IReadOnlyList<HourDetection> Anomalies => [.. Hours.Where(h => h.Alerts)];
}
