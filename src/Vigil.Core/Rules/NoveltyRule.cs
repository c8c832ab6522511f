using Vigil.Core.Detection;
using Vigil.Core.Windows;

namespace Vigil.Core.Rules;

/// <summary>
/// Never-seen and rare kinds as findings at any level and count: a catalogued kind of medium or high severity pages
/// the first time it appears (one step lower when training saw it a few times); anything else is a low note kept on
/// the verdict that pages nobody — a new harmless service message must not wake an operator.
/// </summary>
internal static class NoveltyRule
{
    /// <summary>How a note on a never-seen kind starts; a flagged hour's explanation already lists those kinds.</summary>
    public const string NeverSeenNote = Noted + NeverSeen;

    private const string Noted = "noted: ";
    private const string NeverSeen = "never seen before: ";

    /// <param name="seen">How often training saw the kind: 0 never, -1 seen but the model did not keep counts.</param>
    public static void Judge(EventKey key, KeyTally tally, long seen, KindRules rules, List<Finding> findings)
    {
        if (seen < 0 || (seen > 0 && seen >= rules.RareBelow))
        {
            return;
        }

        var watched = rules.Catalogue.Find(key);
        var severity = watched?.Severity ?? KindRules.Uncatalogued;
        var meaning = watched is null ? string.Empty : $" ({watched.Meaning})";
        string reason;
        if (seen == 0)
        {
            reason = $"{NeverSeen}{key} x{tally.Count}{meaning}";
        }
        else
        {
            severity = severity > AnomalySeverity.Low ? severity - 1 : AnomalySeverity.Low;
            reason = $"rare: {key} x{tally.Count}, seen {seen} time{(seen == 1 ? string.Empty : "s")} in training{meaning}";
        }

        var pages = severity >= AnomalySeverity.Medium;
        findings.Add(new Finding(seen == 0 ? DetectionRule.NeverSeenKind : DetectionRule.RareKind, severity, pages ? reason : Noted + reason, pages));
    }
}
