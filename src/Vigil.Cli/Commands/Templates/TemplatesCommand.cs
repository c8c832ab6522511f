using System.CommandLine;
using System.Text;
using Spectre.Console;
using Vigil.Cli.Commands.Shared;
using Vigil.Cli.Output;
using Vigil.Collectors;
using Vigil.Collectors.Text;
using Vigil.Core.Templates;

namespace Vigil.Cli.Commands.Templates;

/// <summary>
/// <c>vigil templates --source text:FILE</c>: mines log templates from a text file, one message per line, and lists
/// them (id, template with <c>&lt;*&gt;</c> for variables, count, first and last line). Each line's header (timestamp,
/// level, pid, component) is stripped first, using the layout inferred from the file's first lines, as the text source
/// does. <c>--assignments</c> writes <c>line,template_id</c> for every input line in input order, the format loghub's scorer reads.
/// </summary>
internal static class TemplatesCommand
{
    private const string TextPrefix = "text:";

    public static Command Create()
    {
        var source = new Option<string>("--source") { Description = "text:FILE - each line of FILE is one message", Required = true };
        var assignments = new Option<string?>("--assignments") { Description = "Write line,template_id for every input line to this CSV file" };
        var showFormat = new Option<bool>("--show-format") { Description = "Print the layout inferred from the file's first lines (timestamp, header columns) before mining" };
        var format = new Option<string?>("--format") { Description = "The file's layout when inference gets it wrong: '<Date> <Time> <Level> <Component>: <Content>' or a regex with named groups" };
        var json = CommonOptions.Json();
        var command = new Command("templates", "Mine log templates from a text log and list them") { source, assignments, showFormat, format, json };
        command.SetAction((result, cancellationToken) => CommandRunner.RunAsync(() =>
        {
            var path = TextPath(result.GetValue(source)!);
            var report = new TemplateReport(new TemplateMiner());
            var layout = TextLayoutProbe.ForFile(Existing(path), format: result.GetValue(format));
            if (result.GetValue(showFormat))
            {
                // With --json the layout goes to stderr so stdout stays one JSON document.
                FormatView.Write(layout, result.GetValue(json) ? Console.Error : Console.Out);
            }

            long lines;
            using (var input = new StreamReader(OpenInput(path), new UTF8Encoding(false, false), detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16))
            using (var output = OpenAssignments(result.GetValue(assignments)))
            {
                // Notes about cut lines go to stderr, so stdout stays parseable with --json.
                lines = report.Mine(input, output, CommandRunner.Warn, cancellationToken, layout.MessageStart);
            }

            var templates = report.MostFrequentFirst();
            if (result.GetValue(json))
            {
                JsonOutput.Write(templates.Select(t => new { id = t.Id, template = t.Text, count = t.Count, first_line = t.FirstSeen, last_line = t.LastSeen }));
            }
            else
            {
                TemplatesTable.Write(AnsiConsole.Console, templates, lines);
            }

            return Task.FromResult(CommandRunner.Ok);
        }));
        return command;
    }

    private static string TextPath(string spec)
    {
        if (!spec.StartsWith(TextPrefix, StringComparison.Ordinal) || spec.Length == TextPrefix.Length)
        {
            throw new SourceException($"--source '{spec}' is not supported by templates: use text:FILE (each line is one message)");
        }

        return spec[TextPrefix.Length..];
    }

    private static string Existing(string path) =>
        File.Exists(path) ? path : throw new SourceException($"--source text:{path}: file not found");

    private static FileStream OpenInput(string path)
    {
        return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 16, FileOptions.SequentialScan);
    }

    private static StreamWriter? OpenAssignments(string? path) =>
        path is null ? null : new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
}
