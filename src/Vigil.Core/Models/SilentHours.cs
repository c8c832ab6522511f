using System.Globalization;
using Vigil.Core.Detection;

namespace Vigil.Core.Models;

/// <summary>
/// Silence is a verdict, whatever the model: an hour without a single event from sources that had events in nearly
/// every training hour means the log (or its collection) died — with the seed's <c>collection_hours = 1</c> that hour
/// alone must page. Sources often quiet in training (office-hours logs) are left to the model.
/// </summary>
public static class SilentHours
{
    /// <summary>The share of training hours that must have held events for an empty hour to be news.</summary>
    public const double BusyShare = 0.9;

    public static IReadOnlyList<HourDetection> Apply(IReadOnlyList<HourDetection> hours, ModelDocument model)
    {
        if (model.HoursWithEvents is not { } busy || busy < BusyShare * model.TrainingHours)
        {
            return hours;
        }

        var reason = string.Create(CultureInfo.InvariantCulture, $"no events at all: the log is silent (it had events in {busy} of its {model.TrainingHours} training hours)");
        return [.. hours.Select(h => h.Summary.TotalEvents > 0 ? h : h with
        {
            IsAnomaly = true,
            Severity = h.Severity > AnomalySeverity.Medium ? h.Severity : AnomalySeverity.Medium,
            Reasons = [reason, .. h.Reasons],
        })];
    }
}
