using System.CommandLine;
using Vigil.Cli.Commands.Shared;
using Vigil.Pipeline.Configuration;
using Vigil.Pipeline.Operator;

namespace Vigil.Cli.Commands.Maintenance;

/// <summary><c>vigil maintenance remove ID</c>: later runs alert on those hours again; verdicts already stored keep their flag.</summary>
internal static class MaintenanceRemoveCommand
{
    public static Command Create()
    {
        var config = CommonOptions.Config();
        var id = new Argument<long>("id") { Description = "The window's id (vigil maintenance list)" };
        var command = new Command("remove", "Remove a maintenance window") { config, id };
        command.SetAction((result, cancellationToken) => CommandRunner.RunAsync(async () =>
        {
            using var actions = new OperatorActions(ConfigLoader.Load(result.GetValue(config)));
            await actions.RemoveMaintenanceAsync(result.GetValue(id), cancellationToken).ConfigureAwait(false);
            Console.WriteLine($"Removed maintenance window {result.GetValue(id)}.");
            return CommandRunner.Ok;
        }));
        return command;
    }
}
