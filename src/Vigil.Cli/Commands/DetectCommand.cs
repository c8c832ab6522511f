using System.CommandLine;
using Spectre.Console;
using Vigil.Cli.Commands.Shared;
using Vigil.Cli.Output;
using Vigil.Pipeline;
using Vigil.Pipeline.Configuration;
using Vigil.Pipeline.Contracts;

namespace Vigil.Cli.Commands;

/// <summary><c>vigil detect</c>: one detection cycle over the last collection_hours. Exit 0 normal, 1 anomalies, 2 error.</summary>
internal static class DetectCommand
{
    public static Command Create()
    {
        var config = CommonOptions.Config();
        var run = new RunRequestFeature("How many hours to check (overrides [detection] collection_hours)");
        var output = new OutputFeature();
        var command = new Command("detect", "Collect the last collection_hours, score each hour, report anomalies (exit 1 when there are any)") { config };
        run.AddTo(command);
        output.AddTo(command);
        command.SetAction((result, cancellationToken) => CommandRunner.RunAsync(async () =>
        {
            using var context = new VigilContext(ConfigLoader.Load(result.GetValue(config)));
            var request = run.Read(result);
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
}
