using System.CommandLine;
using Vigil.Cli.Commands.Shared;
using Vigil.Cli.Output;
using Vigil.Pipeline.Alerting;
using Vigil.Pipeline.Configuration;

namespace Vigil.Cli.Commands.Alert;

/// <summary><c>vigil alert retry ID</c>: puts an alert that was given up on back in the outbox and delivers it.</summary>
internal static class AlertRetryCommand
{
    public static Command Create()
    {
        var config = CommonOptions.Config();
        var id = new Argument<long>("id") { Description = "The alert's id, as 'vigil alert list --status failed' shows it" };
        var json = CommonOptions.Json();
        var command = new Command("retry", "Send a failed alert again (and whatever else is due)") { id, config, json };
        command.SetAction((result, cancellationToken) => CommandRunner.RunAsync(async () =>
        {
            var settings = ConfigLoader.Load(result.GetValue(config));
            using var run = new AlertRun(settings, TimeProvider.System);
            var report = await run.RetryAsync(result.GetValue(id), cancellationToken).ConfigureAwait(false);
            return DispatchReportView.Write(report, result.GetValue(json));
        }));
        return command;
    }
}
