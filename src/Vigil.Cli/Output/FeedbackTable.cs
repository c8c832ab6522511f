using System.Globalization;
using Spectre.Console;
using Vigil.Pipeline.Evaluation;

namespace Vigil.Cli.Output;

/// <summary><c>vigil evaluate --feedback</c>: one row per week, and the whole span.</summary>
internal static class FeedbackTable
{
    public static void Write(IReadOnlyList<FeedbackWeek> weeks, bool asJson)
    {
        var total = new FeedbackWeek(default, weeks.Sum(w => w.Flagged), weeks.Sum(w => w.FalseAlarms));
        if (asJson)
        {
            JsonOutput.Write(new
            {
                weeks = weeks.Select(w => new { week_of = w.WeekStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), flagged_hours = w.Flagged, false_alarms = w.FalseAlarms, precision = w.Precision }),
                flagged_hours = total.Flagged,
                false_alarms = total.FalseAlarms,
                precision = total.Precision,
            });
            return;
        }

        if (weeks.Count == 0)
        {
            Console.WriteLine("No hour has paged yet: nothing to judge.");
            return;
        }

        var table = new Table().AddColumn("week of (UTC)").AddColumn("flagged hours").AddColumn("false alarms").AddColumn("precision");
        foreach (var w in weeks)
        {
            table.AddRow(w.WeekStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), w.Flagged.ToString(CultureInfo.InvariantCulture), w.FalseAlarms.ToString(CultureInfo.InvariantCulture), Ratio(w.Precision));
        }

        table.AddRow("all", total.Flagged.ToString(CultureInfo.InvariantCulture), total.FalseAlarms.ToString(CultureInfo.InvariantCulture), Ratio(total.Precision));
        AnsiConsole.Write(table);
    }

    private static string Ratio(double? value) => value is { } v ? v.ToString("0.00", CultureInfo.InvariantCulture) : "–";
}
