using System.Globalization;
using Vigil.Core.Detection;

namespace Vigil.Core.Models;

/// <summary>
/// Silence is a verdict, whatever the model: an hour without a single event from sources that had events in nearly
/// every training hour means the log (or its collection) died — with the seed's <c>collection_hours = 1</c> that hour
/// alone must page. Sources with empty hours in training are left to the model (which knows at which hours a channel
/// is never quiet): a log empty in 12 of 168 training hours has an empty hour about once a day, and a fleet of such
/// hosts would page for silence all day long.
/// </summary>
public static class SilentHours
{
    /// <summary>How many training hours may have been empty (a collection hiccup) for an empty hour still to be news.</summary>
    public const int MaxEmptyTrainingHours = 1;

    public static IReadOnlyList<HourDetection> Apply(IReadOnlyList<HourDetection> hours, ModelDocument model)
    {
        if (model.HoursWithEvents is not { } busy || busy < model.TrainingHours - MaxEmptyTrainingHours)
        {
            return hours;
        }

        var reason = string.Create(CultureInfo.InvariantCulture, $"no events at all: the log is silent (it had events in {busy} of its {model.TrainingHours} training hours)");
        return [.. hours.Select(h => h.Summary.TotalEvents > 0 ? h : h with
        {
            IsAnomaly = true,
            Severity = h.Severity > AnomalySeverity.Medium ? h.Severity : AnomalySeverity.Medium,
            Reasons = [reason, .. h.Reasons],
            Rules = [DetectionRule.SilentLog, .. h.Rules],
        })];
    }
}
