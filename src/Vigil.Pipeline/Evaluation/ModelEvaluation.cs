using Vigil.Core.Detection;
using Vigil.Core.Evaluation;
using Vigil.Core.Windows;

namespace Vigil.Pipeline.Evaluation;

/// <summary>One model's result on a labelled event set: the hours it trained on and scored, its verdicts and their metrics.</summary>
public sealed record ModelEvaluation(string Kind, HourRange Training, HourRange Scored, IReadOnlyList<HourDetection> Hours, DetectionMetrics Metrics);
