using System.Globalization;
using Spectre.Console;
using Vigil.Core.Templates;

namespace Vigil.Cli.Output;

/// <summary>The template listing: one row per template, most frequent first.</summary>
internal static class TemplatesTable
{
    public static void Write(IAnsiConsole console, IReadOnlyList<MinedTemplate> templates, long lines)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn(new TableColumn("id").RightAligned())
            .AddColumn(new TableColumn("count").RightAligned())
            .AddColumn(new TableColumn("first line").RightAligned())
            .AddColumn(new TableColumn("last line").RightAligned())
            .AddColumn("template");
        foreach (var t in templates)
        {
            table.AddRow(
                new Text(t.Id.ToString(CultureInfo.InvariantCulture)),
                new Text(t.Count.ToString(CultureInfo.InvariantCulture)),
                new Text(t.FirstSeen.ToString(CultureInfo.InvariantCulture)),
                new Text(t.LastSeen.ToString(CultureInfo.InvariantCulture)),
                new Text(t.Text.Length == 0 ? "(empty line)" : t.Text));
        }

        console.Write(table);
        console.WriteLine($"{templates.Count} templates in {lines} lines");
    }
}
