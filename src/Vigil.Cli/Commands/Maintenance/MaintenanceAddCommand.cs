using System.CommandLine;
using Vigil.Cli.Commands.Shared;
using Vigil.Cli.Output;
using Vigil.Pipeline.Configuration;
using Vigil.Pipeline.Operator;

namespace Vigil.Cli.Commands.Maintenance;

/// <summary><c>vigil maintenance add --from ISO --to ISO [--host NAME] [--reason TEXT]</c>: hours in the window are scored and kept, never alerted (of that host only, when named).</summary>
internal static class MaintenanceAddCommand
{
    public static Command Create()
    {
        var config = CommonOptions.Config();
        var from = new Option<string>("--from") { Description = "Start of the window, ISO 8601 (UTC unless it has an offset)", Required = true };
        var to = new Option<string>("--to") { Description = "End of the window, ISO 8601", Required = true };
        var host = new Option<string?>("--host") { Description = "The host under maintenance (a fleet): only its pages are suppressed; none = every host" };
        var reason = new Option<string?>("--reason") { Description = "Why: shown with the suppressed hours" };
        var json = CommonOptions.Json();
        var command = new Command("add", "Declare a maintenance window: its hours are scored but never alerted") { config, from, to, host, reason, json };
        command.SetAction((result, cancellationToken) => CommandRunner.RunAsync(async () =>
        {
            using var actions = new OperatorActions(ConfigLoader.Load(result.GetValue(config)));
            var window = await actions.AddMaintenanceAsync(result.GetValue(from)!, result.GetValue(to)!, result.GetValue(reason), result.GetValue(host), cancellationToken).ConfigureAwait(false);
            if (result.GetValue(json))
            {
                JsonOutput.Write(MaintenanceJson.From(window));
            }
            else
            {
                Console.WriteLine($"Maintenance window {window.Id}: {MaintenanceJson.Span(window)}{(window.Reason is null ? string.Empty : " - " + window.Reason)}");
            }

            return CommandRunner.Ok;
        }));
        return command;
    }
}
