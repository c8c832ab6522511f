using System.Globalization;
using Spectre.Console;
using Vigil.Core.Detection;

namespace Vigil.Cli.Output;

/// <summary>The detection table: one row per hour, anomalies in red, their reasons underneath.</summary>
internal static class HoursTable
{
    public static void Write(IAnsiConsole console, IReadOnlyList<HourDetection> hours, ISet<DateTime>? expected = null)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("hour (UTC)")
            .AddColumn(new TableColumn("total").RightAligned())
            .AddColumn(new TableColumn("errors").RightAligned())
            .AddColumn(new TableColumn("warnings").RightAligned())
            .AddColumn(new TableColumn("info").RightAligned())
            .AddColumn(new TableColumn("error rate").RightAligned())
            .AddColumn(new TableColumn("score").RightAligned())
            .AddColumn("anomaly");
        if (expected is not null)
        {
            table.AddColumn("injected");
        }

        foreach (var hour in hours)
        {
            var s = hour.Summary;
            var cells = new List<string>
            {
                s.HourTimestamp,
                s.TotalEvents.ToString(CultureInfo.InvariantCulture),
                s.ErrorCount.ToString(CultureInfo.InvariantCulture),
                s.WarningCount.ToString(CultureInfo.InvariantCulture),
                s.InfoCount.ToString(CultureInfo.InvariantCulture),
                s.ErrorRate.ToString("0.000", CultureInfo.InvariantCulture),
                hour.AnomalyScore.ToString("0.000", CultureInfo.InvariantCulture),
                hour.IsAnomaly ? "[bold red]ANOMALY[/]" : "[green]ok[/]",
            };
            if (expected is not null)
            {
                cells.Add(expected.Contains(s.Hour) ? "[yellow]incident[/]" : string.Empty);
            }

            table.AddRow([.. cells.Select((c, i) => i < 7 && hour.IsAnomaly ? $"[bold]{Markup.Escape(c)}[/]" : i < 7 ? Markup.Escape(c) : c)]);
        }

        console.Write(table);
        foreach (var hour in hours.Where(h => h.IsAnomaly && h.Reasons.Count > 0))
        {
            var severity = hour.Severity == AnomalySeverity.None ? string.Empty : $" (severity {hour.Severity.ToString().ToLowerInvariant()})";
            console.MarkupLine($"[bold red]{hour.Summary.HourTimestamp}[/]{severity}");
            foreach (var reason in ReasonList.Top(hour.Reasons))
            {
                console.MarkupLine($"  - {Markup.Escape(reason)}");
            }

            if (ReasonList.More(hour.Reasons) is { } more)
            {
                console.MarkupLine($"  [dim]… {more} (--json lists them all)[/]");
            }
        }
    }
}
