using Vigil.Core.Detection;
using Vigil.Core.Models;
using Vigil.Core.Windows;

namespace Vigil.Pipeline;

/// <summary>A finished detection: every hour of the range, scored.</summary>
public sealed record DetectReport(HourRange Range, IReadOnlyList<HourDetection> Hours, CollectResult Collected, ModelDocument Model, string Sources)
{
    public IReadOnlyList<HourDetection> Anomalies => [.. Hours.Where(h => h.IsAnomaly)];
}
