using System.CommandLine;
using System.Globalization;
using Vigil.Cli.Commands.Shared;
using Vigil.Cli.Output;
using Vigil.Ingest;
using Vigil.Pipeline;
using Vigil.Pipeline.Configuration;

namespace Vigil.Cli.Commands;

/// <summary>
/// <c>vigil ingest</c>: one pass of the ingestion road over any sources: those that can be followed (syslog:, text:,
/// journald, eventlog:) from their checkpoint, the others (file:, evtx:, demo) whole; already stored events are skipped.
/// </summary>
internal static class IngestCommand
{
    public static Command Create()
    {
        var config = CommonOptions.Config();
        var source = CommonOptions.Source();
        var json = CommonOptions.Json();
        var showFormat = new Option<bool>("--show-format") { Description = "Print the layout inferred for each text file (timestamp, header columns)" };
        var command = new Command("ingest", "Store everything new in the sources (since their checkpoint when they have one), then exit") { config, source, json, showFormat };
        command.SetAction((result, cancellationToken) => CommandRunner.RunAsync(async () =>
        {
            using var context = new VigilContext(ConfigLoader.Load(result.GetValue(config)));
            var ingestor = context.Ingestor(CommandRunner.Warn);
            var totals = new List<IngestTotals>();
            foreach (var s in context.Sources(result.GetValue(source)))
            {
                foreach (var layout in result.GetValue(showFormat) && s is Collectors.Text.TextFileSource text ? text.Layouts() : [])
                {
                    FormatView.Write(layout, result.GetValue(json) ? Console.Error : Console.Out);
                }

                totals.Add(await ingestor.IngestAsync(s, cancellationToken).ConfigureAwait(false));
            }

            if (result.GetValue(json))
            {
                JsonOutput.Write(totals.Select(t => new { source = t.Source, read = t.Read, added = t.Added, late = t.Late }));
                return CommandRunner.Ok;
            }

            foreach (var t in totals)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{t.Source}: {t.Read:N0} read, {t.Added:N0} new"));
            }

            return CommandRunner.Ok;
        }));
        return command;
    }
}
