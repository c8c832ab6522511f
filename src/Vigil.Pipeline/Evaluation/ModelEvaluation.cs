using Vigil.Core.Detection;
using Vigil.Core.Evaluation;
using Vigil.Core.Windows;

namespace Vigil.Pipeline.Evaluation;

/// <summary>
/// One model's result on a labelled event set: the hours it trained on and scored, its verdicts, the labelled incident hours, the hour-level
/// metrics, the incident-level summary and each rule's contribution.
/// </summary>
public sealed record ModelEvaluation(string Kind, HourRange Training, HourRange Scored, IReadOnlyList<HourDetection> Hours, IReadOnlySet<DateTime> Labelled, DetectionMetrics Metrics, IncidentMetrics Incidents, IReadOnlyList<RuleContribution> Rules)
{
    public static ModelEvaluation Create(string kind, HourRange training, HourRange scored, IReadOnlyList<HourDetection> hours, IReadOnlySet<DateTime> incidents, int? k) =>
        new(kind, training, scored, hours, incidents, DetectionMetrics.Compute(hours, incidents, k), IncidentMetrics.Compute(hours, incidents), RuleContribution.Compute(hours, incidents));
}
