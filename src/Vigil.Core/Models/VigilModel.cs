using Vigil.Core.Detection;
using Vigil.Core.Features;
using Vigil.Core.Forest;
using Vigil.Core.Rules;
using Vigil.Core.Windows;

namespace Vigil.Core.Models;

/// <summary>
/// Vigil's default model: the same isolation forest over richer hourly features (<see cref="VigilFeatureSpace"/>),
/// plus rules for never-seen kinds and silent logs, a severity and the reasons for each flagged hour.
/// </summary>
public sealed class VigilModel : IHourModel
{
    public const string Kind = "vigil";

    public const int DefaultTopKinds = 12;

    private readonly IsolationForest _forest;
    /// <summary>Notes (findings that page nobody) kept on one hour's verdict; more are counted, not listed.</summary>
    private const int MaxNotes = 5;

    private readonly VigilFeatureSpace _space;
    private readonly KindRules _rules;

    private VigilModel(ModelDocument document, IsolationForest forest, KindRules rules)
    {
        Document = document;
        _forest = forest;
        _rules = rules;
        _space = new VigilFeatureSpace(document.Vigil!, rules.Accepted);
    }

    public ModelDocument Document { get; }

    /// <param name="alsoSeen">Hours whose kinds count as seen (known, with their counts) without entering the baselines or the forest.</param>
    public static VigilModel Train(IReadOnlyList<HourWindow> windows, IsolationForestOptions options, string source, DateTime trainedAt, int topKinds = DefaultTopKinds, IReadOnlyList<HourWindow>? alsoSeen = null)
    {
        if (windows.Count < 2)
        {
            throw new ArgumentException($"Training needs at least 2 hours, got {windows.Count}.", nameof(windows));
        }

        var data = VigilTraining.Learn(windows, topKinds, alsoSeen ?? []);
        var space = new VigilFeatureSpace(data);
        var x = space.Build(windows, Levels(windows, data), 0);
        var forest = IsolationForest.Fit(x, options);
        var scores = new double[x.Rows];
        forest.ScoreSamples(x, scores);
        data = data with { ColumnCenter = VigilTraining.Medians(x), ColumnScale = VigilTraining.Scales(x), ForestThreshold = Math.Min(forest.Offset, scores.Min()) };
        var document = ModelDocument.Create(Kind, space.Names, options, forest, windows[0].Hour, windows[^1].Hour, windows.Count, source, trainedAt) with { Vigil = data };
        return new VigilModel(document, forest, KindRules.Default);
    }

    /// <summary>Rebuilds a saved model; throws <see cref="ModelFormatException"/> when it is not a vigil model of this format.</summary>
    /// <param name="rules">The catalogue and accepted kinds to score with; the shipped catalogue and none accepted when null.</param>
    public static VigilModel FromDocument(ModelDocument document, string origin, KindRules? rules = null)
    {
        document.EnsureCurrentFormat(origin);

        if (document.Kind != Kind || document.Vigil is not { } data)
        {
            throw new ModelFormatException($"{origin}: model '{document.Kind}' is not a {Kind} model with its kinds and baselines; run 'vigil setup' to train a new model");
        }

        var expected = VigilFeatureSpace.Describe(data.TopKinds);
        if (!document.FeatureNames.SequenceEqual(expected) || document.Forest.FeatureCount != expected.Length
            || data.ColumnCenter.Length != expected.Length || data.ColumnScale.Length != expected.Length || data.KindBaselines.Length != data.TopKinds.Length
            || data.ChannelBaselines.Length != data.Channels.Length)
        {
            throw new ModelFormatException($"{origin}: the {Kind} model's features [{string.Join(", ", document.FeatureNames)}] do not match what this Vigil computes; run 'vigil setup' to train a new model");
        }

        return new VigilModel(document, new IsolationForest(document.Forest), rules ?? KindRules.Default);
    }

    /// <summary>The same trained model scoring with other catalogue, accepted kinds or rare count.</summary>
    public VigilModel WithRules(KindRules rules) => new(Document, _forest, rules);

    /// <summary>
    /// Scores <paramref name="windows"/> from index <paramref name="first"/> on; the hours before it are history only
    /// (they set the recent volume level, see <see cref="VolumeLevel"/>).
    /// </summary>
    public IReadOnlyList<HourDetection> Score(IReadOnlyList<HourWindow> windows, int first)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(first, windows.Count);
        var data = Document.Vigil!;
        var levels = Levels(windows, data);
        var x = _space.Build(windows, levels, first);
        var results = new HourDetection[x.Rows];
        var z = new double[x.Columns];
        var findings = new List<Finding>();
        for (var i = 0; i < x.Rows; i++)
        {
            var w = windows[first + i];
            var row = x.Row(i);
            var score = _forest.ScoreSample(row);
            for (var j = 0; j < z.Length; j++)
            {
                z[j] = (row[j] - data.ColumnCenter[j]) / data.ColumnScale[j];
            }

            var maxDeviation = VigilFeatureSpace.MaxBaselineDeviation(row);

            findings.Clear();
            // Contamination marks 5% of training hours abnormal; with many columns that is too many pages. The forest
            // alone pages only below every training hour's score, and only when some count is far from its hour's baseline.
            if (score < data.ForestThreshold && maxDeviation >= data.Rules.ConfirmDeviation)
            {
                var severity = maxDeviation >= 2 * data.Rules.ConfirmDeviation ? AnomalySeverity.Medium : AnomalySeverity.Low;
                findings.Add(new Finding(DetectionRule.Forest, severity, "an unusual hour overall: its mix of counts is unlike any hour of training"));
            }

            VigilRules.Apply(w, _space, data, _rules, levels[first + i], findings);
            results[i] = findings.Exists(f => f.Pages)
                ? Flag(w, score, row, z, levels[first + i], findings) with { Threshold = data.ForestThreshold }
                : new HourDetection(w.Summary, score, false) { Threshold = data.ForestThreshold, Reasons = Notes(findings) };
        }

        return results;
    }

    private HourDetection Flag(HourWindow w, double score, ReadOnlySpan<double> row, ReadOnlySpan<double> z, double level, List<Finding> findings)
    {
        var severity = AnomalySeverity.None;
        var reasons = new List<string>();
        var rules = new List<string>();
        foreach (var finding in findings.Where(f => f.Pages).OrderByDescending(f => f.Severity))
        {
            severity = finding.Severity > severity ? finding.Severity : severity;
            reasons.Add(finding.Reason);
            if (!rules.Contains(finding.Rule))
            {
                rules.Add(finding.Rule);
            }
        }

        var details = new List<string>();
        if (rules.Contains(DetectionRule.Forest))
        {
            details.Add($"isolation forest: score {score:0.000} below every training hour ({Document.Vigil!.ForestThreshold:0.000})");
        }

        VigilExplainer.Explain(w, row, z, _space, Document.Vigil!, level, reasons, details);
        // The explanation lists the never-seen kinds with counts and samples; notes add the rare ones.
        reasons.AddRange(Notes([.. findings.Where(f => !f.Reason.StartsWith(NoveltyRule.NeverSeenNote, StringComparison.Ordinal))]));
        return new HourDetection(w.Summary, score, true) { Reasons = reasons, Details = details, Severity = severity, Rules = rules };
    }

    private static List<string> Notes(List<Finding> findings)
    {
        var notes = findings.Where(f => !f.Pages).Select(f => f.Reason).ToList();
        if (notes.Count > MaxNotes)
        {
            var more = notes.Count - MaxNotes;
            notes.RemoveRange(MaxNotes, more);
            notes.Add($"noted: {more} more kind{(more == 1 ? string.Empty : "s")} never seen or rare in training");
        }

        return notes;
    }

    private static double[] Levels(IReadOnlyList<HourWindow> windows, VigilModelData data)
    {
        var totals = new int[windows.Count];
        var buckets = new int[windows.Count];
        for (var i = 0; i < windows.Count; i++)
        {
            totals[i] = windows[i].Total;
            buckets[i] = HourBaseline.Bucket(windows[i].Hour);
        }

        return VolumeLevel.Compute(totals, buckets, data.Total);
    }
}
