using System.Globalization;
using Vigil.Core.Detection;
using Vigil.Core.Events;
using Vigil.Core.Features;
using Vigil.Core.Rules;
using Vigil.Core.Windows;

namespace Vigil.Core.Models;

/// <summary>
/// What no forest needs to learn: event kinds never seen or rare in training (graded by the security-event catalogue,
/// see <see cref="NoveltyRule"/>; errors and bursts of new kinds page too), surges far above an hour's usual count, and
/// silence of a channel that is normally busy at this hour. Kinds the operator accepted are none of these.
/// </summary>
internal static class VigilRules
{
    /// <summary>Error events of never-seen kinds in one hour that page whatever the catalogue says of them.</summary>
    public const int NewErrorMinEvents = 2;

    public static void Apply(HourWindow w, VigilFeatureSpace space, VigilModelData data, KindRules rules, double level, List<Finding> findings)
    {
        var newEvents = 0;
        var newErrors = 0;
        foreach (var (key, tally) in w.Keys)
        {
            if (space.IsAccepted(key))
            {
                continue;
            }

            var seen = space.TrainingCount(key);
            NoveltyRule.Judge(key, tally, seen, rules, findings);
            if (seen != 0)
            {
                continue;
            }

            newEvents += tally.Count;
            if (tally.Worst == Severity.Error)
            {
                newErrors += tally.Count;
            }
        }

        // A lone error of a new kind is the commonest routine novelty (a one-off driver or application error): it is a
        // note, unless the catalogue grades the kind. A new error that repeats within the hour is a pattern and pages.
        if (newErrors >= NewErrorMinEvents)
        {
            findings.Add(new Finding(DetectionRule.NewErrorKind, newErrors >= 10 ? AnomalySeverity.High : AnomalySeverity.Medium, $"{newErrors} error event{Plural(newErrors)} of kinds never seen in training"));
        }
        else if (newEvents >= data.Rules.NewKindMinEvents)
        {
            findings.Add(new Finding(DetectionRule.NewKindBurst, AnomalySeverity.Medium, $"{newEvents} event{Plural(newEvents)} of kinds never seen in training"));
        }

        var bucket = HourBaseline.Bucket(w.Hour);
        Surge(findings, "events", w.Total, data.Total, bucket, level);
        Surge(findings, "errors", w.Errors, data.Errors, bucket, level);
        Surge(findings, "warnings", w.Warnings, data.Warnings, bucket, level);
        Surge(findings, "failed logons / credential checks", w.AuditFailures, data.AuditFailures, bucket, level);
        foreach (var (key, tally) in w.Keys)
        {
            if (space.IsAccepted(key))
            {
                continue;
            }

            if (space.TopIndex(key) is var k and >= 0)
            {
                Surge(findings, key.ToString(), tally.Count, data.KindBaselines[k], bucket, level);
            }
            else if (space.TrainingPeak(key) is { } peak && tally.Count >= (2 * peak * Math.Max(1, level)) + 10)
            {
                // A kind too rare for its own column has no hour-of-day baseline, only its busiest training hour.
                findings.Add(new Finding(DetectionRule.Surge, AnomalySeverity.Medium, $"{tally.Count} {key}, at most {peak} in any training hour"));
            }
        }

        for (var c = 0; c < data.Channels.Length; c++)
        {
            var baseline = data.ChannelBaselines[c];
            // Only a channel that had events in every training hour: one that is sometimes quiet (a policy refresh, a
            // workstation's own logons) is quiet again some day at a busy hour, and one week is too few to say which.
            if (baseline.Mean[bucket] < data.Rules.SilenceMinMean || baseline.Min.Min() < 1 || w.Channels.ContainsKey(data.Channels[c]))
            {
                continue;
            }

            var usual = (baseline.Mean[bucket] * level).ToString("0", CultureInfo.InvariantCulture);
            findings.Add(new Finding(DetectionRule.SilentChannel, AnomalySeverity.Medium, $"{data.Channels[c]} log is silent: 0 events, usually ~{usual} at this hour"));
        }
    }

    /// <summary>
    /// A count far above what this hour usually has (more than 4x the usual plus 10, so Poisson noise of rare kinds never
    /// pages) and above the busiest training hour of any time of day; or far above even that busiest hour (twice it plus
    /// 10) at any time. One week gives each hour of the day one to five samples: a logon or boot burst the host had at
    /// another hour is something it does, not news at this one.
    /// </summary>
    private static void Surge(List<Finding> findings, string what, int count, HourBaseline baseline, int bucket, double level)
    {
        var usual = baseline.Mean[bucket] * level;
        // A host quieter lately has not unlearnt its bursts: the busiest training hour is never scaled down.
        var peak = baseline.Peak is { } p ? p * Math.Max(1, level) : (double?)null;
        var farAboveThisHour = count >= (4 * usual) + 10 && (peak is null || count > peak);
        var farAboveAnyHour = peak is { } most && count >= (2 * most) + 10;
        if (!farAboveThisHour && !farAboveAnyHour)
        {
            return;
        }

        var severity = count >= (10 * usual) + 50 ? AnomalySeverity.High : AnomalySeverity.Medium;
        var busiest = peak is { } b && count > b ? $" (at most {b.ToString(b < 10 ? "0.#" : "0", CultureInfo.InvariantCulture)} in any training hour)" : string.Empty;
        findings.Add(new Finding(DetectionRule.Surge, severity, $"{count} {what}, usually ~{usual.ToString(usual < 10 ? "0.#" : "0", CultureInfo.InvariantCulture)} at this hour{busiest}"));
    }

    private static string Plural(int n) => n == 1 ? string.Empty : "s";
}
