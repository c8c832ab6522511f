using Vigil.Core.Detection;
using Vigil.Core.Events;
using Vigil.Core.Forest;
using Vigil.Core.Models;
using Vigil.Core.Windows;

namespace Vigil.Core.Evaluation;

/// <summary>
/// Trains a model on the first days of an event set and scores every later hour against labelled incident hours.
/// The training hours are history for the scored ones (the vigil model's recent volume level).
/// </summary>
public sealed record ModelEvaluation(string Kind, HourRange Training, HourRange Scored, IReadOnlyList<HourDetection> Hours, DetectionMetrics Metrics)
{
    public const int DefaultTrainingDays = 7;

    public static ModelEvaluation Run(IReadOnlyList<LogEvent> events, IReadOnlySet<DateTime> incidents, string kind, IsolationForestOptions options, int trainingDays = DefaultTrainingDays, int? k = null)
    {
        if (events.Count == 0)
        {
            throw new ArgumentException("There are no events to evaluate on.", nameof(events));
        }

        var first = DateTime.MaxValue;
        var last = DateTime.MinValue;
        foreach (var e in events)
        {
            first = e.TimeCreated < first ? e.TimeCreated : first;
            last = e.TimeCreated > last ? e.TimeCreated : last;
        }

        var start = HourRange.FloorHour(first);
        var training = new HourRange(start, start.AddDays(trainingDays));
        var scored = new HourRange(training.End, HourRange.CeilingHour(last.AddTicks(1)));
        if (scored.End <= scored.Start)
        {
            throw new ArgumentException($"The events span {training.Start:yyyy-MM-dd HH:00} to {last:yyyy-MM-dd HH:mm} UTC: nothing is left to score after {trainingDays} training days.", nameof(events));
        }

        var windows = HourWindowBuilder.Build(events, new HourRange(training.Start, scored.End));
        var model = HourModels.Train(kind, [.. windows.Take(training.Hours)], options, "evaluation", training.End);
        var hours = model.Score(windows, training.Hours);
        return new ModelEvaluation(kind, training, scored, hours, DetectionMetrics.Compute(hours, incidents, k));
    }
}
