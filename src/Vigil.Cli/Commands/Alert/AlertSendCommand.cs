using System.CommandLine;
using Vigil.Cli.Commands.Shared;
using Vigil.Cli.Output;
using Vigil.Pipeline.Alerting;
using Vigil.Pipeline.Configuration;

namespace Vigil.Cli.Commands.Alert;

/// <summary><c>vigil alert send</c>: delivers what is due in the outbox now (detect does this after every run too).</summary>
internal static class AlertSendCommand
{
    public static Command Create()
    {
        var config = CommonOptions.Config();
        var json = CommonOptions.Json();
        var command = new Command("send", "Deliver the alerts waiting in the outbox whose next attempt is due") { config, json };
        command.SetAction((result, cancellationToken) => CommandRunner.RunAsync(async () =>
        {
            var settings = ConfigLoader.Load(result.GetValue(config));
            using var run = new AlertRun(settings, TimeProvider.System);
            var report = await run.DeliverAsync(cancellationToken).ConfigureAwait(false);
            return DispatchReportView.Write(report, result.GetValue(json));
        }));
        return command;
    }
}
