using System.CommandLine;
using Spectre.Console;
using Vigil.Cli.Commands.Shared;
using Vigil.Cli.Output;
using Vigil.Pipeline;
using Vigil.Pipeline.Configuration;
using Vigil.Pipeline.Contracts;
using Vigil.Pipeline.Fleet;

namespace Vigil.Cli.Commands;

/// <summary><c>vigil detect</c>: one detection cycle over the last collection_hours. Exit 0 normal, 1 anomalies, 2 error.</summary>
internal static class DetectCommand
{
    public static Command Create()
    {
        var config = CommonOptions.Config();
        var run = new RunRequestFeature("How many hours to check (overrides [detection] collection_hours)");
        var output = new OutputFeature();
        var hosts = new HostsFeature();
        var command = new Command("detect", "Collect the last collection_hours, score each hour, report anomalies (exit 1 when there are any)") { config };
        run.AddTo(command);
        hosts.AddTo(command);
        output.AddTo(command);
        command.SetAction((result, cancellationToken) => CommandRunner.RunAsync(async () =>
        {
            using var context = new VigilContext(ConfigLoader.Load(result.GetValue(config)));
            var request = run.Read(result);
            if (hosts.IsSelected(result))
            {
                return await DetectHostsAsync(context, hosts.Host(result), request, output, result, cancellationToken).ConfigureAwait(false);
            }

            var report = await ProgressView.RunAsync(output.IsJson(result), progress =>
                new DetectService(context).RunAsync(request, progress, CommandRunner.Warn, cancellationToken)).ConfigureAwait(false);
            output.Write(result, report.Hours.Select(HourDto.From), () =>
            {
                HoursTable.Write(AnsiConsole.Console, report.Hours);
                var anomalies = report.Anomalies.Count;
                Console.WriteLine(anomalies == 0
                    ? $"No anomalies in {report.Hours.Count} hours ({report.Range})."
                    : $"{anomalies} anomalous hour{(anomalies == 1 ? string.Empty : "s")} in {report.Hours.Count} hours ({report.Range}).");
            });

            return report.Anomalies.Count == 0 ? CommandRunner.Ok : CommandRunner.Anomalies;
        }));
        return command;
    }

    /// <summary>Every scope of the host(s): rows carry host and source; exit 1 when any hour is anomalous, 2 when a scope failed.</summary>
    private static async Task<int> DetectHostsAsync(VigilContext context, string? host, RunRequest request, OutputFeature output, ParseResult result, CancellationToken cancellationToken)
    {
        var outcomes = await new FleetService(context).DetectAsync(host, request.Now, request.Hours, CommandRunner.Warn, cancellationToken).ConfigureAwait(false);
        output.Write(result, outcomes.SelectMany(o => o.Report?.Hours.Select(h => new HostHourDto(o.Scope, h)) ?? []), () => FleetTable.Write(AnsiConsole.Console, outcomes));
        if (output.IsJson(result))
        {
            foreach (var learning in outcomes.Where(o => o.State == ScopeState.Learning && o.Error is null))
            {
                CommandRunner.Warn($"{learning.Scope.Name}: {learning.Describe()}, not scored yet");
            }
        }

        return outcomes.Any(o => o.Error is not null) ? CommandRunner.Failed
            : outcomes.Any(o => o.State == ScopeState.Anomalous) ? CommandRunner.Anomalies
            : CommandRunner.Ok;
    }
}
