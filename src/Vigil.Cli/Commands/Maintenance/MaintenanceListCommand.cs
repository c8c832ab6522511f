using System.CommandLine;
using Vigil.Cli.Commands.Shared;
using Vigil.Cli.Output;
using Vigil.Pipeline.Configuration;
using Vigil.Pipeline.Operator;

namespace Vigil.Cli.Commands.Maintenance;

/// <summary><c>vigil maintenance list</c>: every declared window, earliest first.</summary>
internal static class MaintenanceListCommand
{
    public static Command Create()
    {
        var config = CommonOptions.Config();
        var json = CommonOptions.Json();
        var command = new Command("list", "List maintenance windows") { config, json };
        command.SetAction((result, cancellationToken) => CommandRunner.RunAsync(async () =>
        {
            using var actions = new OperatorActions(ConfigLoader.Load(result.GetValue(config)));
            var windows = await actions.ListMaintenanceAsync(cancellationToken).ConfigureAwait(false);
            if (result.GetValue(json))
            {
                JsonOutput.Write(windows.Select(MaintenanceJson.From));
                return CommandRunner.Ok;
            }

            if (windows.Count == 0)
            {
                Console.WriteLine("No maintenance windows.");
            }

            foreach (var w in windows)
            {
                Console.WriteLine($"{w.Id}  {MaintenanceJson.Span(w)}{(w.Reason is null ? string.Empty : "  " + w.Reason)}");
            }

            return CommandRunner.Ok;
        }));
        return command;
    }
}
