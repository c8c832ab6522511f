using System.Globalization;
using Spectre.Console;
using Vigil.Pipeline.Fleet;

namespace Vigil.Cli.Output;

/// <summary>One row per host scope: its state, what was trained and scored; anomalous hours listed with their reasons underneath.</summary>
internal static class FleetTable
{
    public static void Write(IAnsiConsole console, IReadOnlyList<ScopeOutcome> outcomes)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("host")
            .AddColumn("source")
            .AddColumn("state")
            .AddColumn(new TableColumn("hours scored").RightAligned())
            .AddColumn(new TableColumn("anomalous").RightAligned())
            .AddColumn("note");
        foreach (var o in outcomes)
        {
            var state = o.Describe();
            table.AddRow(
                Markup.Escape(o.Scope.Host),
                Markup.Escape(o.Scope.Source),
                o.Error is not null || o.State == ScopeState.Anomalous ? $"[bold red]{Markup.Escape(state)}[/]" : o.State == ScopeState.Learning ? $"[yellow]{Markup.Escape(state)}[/]" : $"[green]{state}[/]",
                (o.Report?.Hours.Count ?? 0).ToString(CultureInfo.InvariantCulture),
                (o.Report?.Anomalies.Count ?? 0).ToString(CultureInfo.InvariantCulture),
                Markup.Escape(o.Error ?? o.Note ?? (o.Trained is { } t ? $"trained on {t.Range} ({t.HoursWithEvents} hours with events)" : string.Empty)));
        }

        console.Write(table);
        foreach (var o in outcomes.Where(o => o.Report is { Anomalies.Count: > 0 }))
        {
            console.MarkupLine($"[bold]{Markup.Escape(o.Scope.Name)}[/]");
            HoursTable.Write(console, o.Report!.Anomalies);
        }
    }
}
