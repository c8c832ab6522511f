using Vigil.Core.Detection;
using Vigil.Core.Features;
using Vigil.Core.Forest;
using Vigil.Core.Windows;

namespace Vigil.Core.Models;

/// <summary>
/// The original tool's model: an isolation forest over the five hourly numbers
/// <c>[total_events, error_count, warning_count, info_count, error_rate]</c>.
/// </summary>
public sealed class SeedModel : IHourModel
{
    public const string Kind = "seed";

    public static readonly string[] FeatureNames = ["total_events", "error_count", "warning_count", "info_count", "error_rate"];

    private static readonly IReadOnlyList<string> ForestRule = [DetectionRule.Forest];

    private readonly IsolationForest _forest;

    private SeedModel(ModelDocument document, IsolationForest forest)
    {
        Document = document;
        _forest = forest;
    }

    public ModelDocument Document { get; }

    public static SeedModel Train(IReadOnlyList<HourlySummary> hours, IsolationForestOptions options, string source, DateTime trainedAt)
    {
        if (hours.Count < 2)
        {
            throw new ArgumentException($"Training needs at least 2 hours, got {hours.Count}.", nameof(hours));
        }

        var forest = IsolationForest.Fit(Features(hours), options);
        var document = ModelDocument.Create(Kind, FeatureNames, options, forest, hours[0].Hour, hours[^1].Hour, hours.Count, source, trainedAt);
        return new SeedModel(document, forest);
    }

    /// <summary>Rebuilds a saved model; throws <see cref="ModelFormatException"/> when it is not a seed model of this format.</summary>
    public static SeedModel FromDocument(ModelDocument document, string origin)
    {
        document.EnsureCurrentFormat(origin);

        if (document.Kind != Kind || !document.FeatureNames.SequenceEqual(FeatureNames) || document.Forest.FeatureCount != FeatureNames.Length)
        {
            throw new ModelFormatException($"{origin}: model '{document.Kind}' with features [{string.Join(", ", document.FeatureNames)}] does not match the {Kind} model's features [{string.Join(", ", FeatureNames)}]; run 'vigil setup' to train a new model");
        }

        return new SeedModel(document, new IsolationForest(document.Forest));
    }

    public IReadOnlyList<HourDetection> Score(IReadOnlyList<HourlySummary> hours)
    {
        if (hours.Count == 0)
        {
            return [];
        }

        var x = Features(hours);
        var scores = new double[hours.Count];
        _forest.ScoreSamples(x, scores);
        return [.. hours.Select((h, i) => new HourDetection(h, scores[i], _forest.IsAnomaly(scores[i])) { Threshold = _forest.Offset, Rules = _forest.IsAnomaly(scores[i]) ? ForestRule : [] })];
    }

    public IReadOnlyList<HourDetection> Score(IReadOnlyList<HourWindow> windows, int first)
    {
        var summaries = new HourlySummary[windows.Count - first];
        for (var i = 0; i < summaries.Length; i++)
        {
            summaries[i] = windows[first + i].Summary;
        }

        return Score(summaries);
    }

    public static FeatureMatrix Features(IReadOnlyList<HourlySummary> hours)
    {
        var x = new FeatureMatrix(hours.Count, FeatureNames.Length);
        for (var i = 0; i < hours.Count; i++)
        {
            var h = hours[i];
            var row = x.MutableRow(i);
            row[0] = h.TotalEvents;
            row[1] = h.ErrorCount;
            row[2] = h.WarningCount;
            row[3] = h.InfoCount;
            row[4] = h.ErrorRate;
        }

        return x;
    }
}
