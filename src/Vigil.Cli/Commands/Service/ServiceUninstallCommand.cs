using System.CommandLine;
using Vigil.Cli.Commands.Shared;

namespace Vigil.Cli.Commands.Service;

/// <summary><c>vigil service uninstall</c>: stop and <c>sc.exe delete</c> the service; the data and model stay.</summary>
internal static class ServiceUninstallCommand
{
    public static Command Create()
    {
        var name = ServiceNameOption.Create();
        var command = new Command("uninstall", "Stop and remove the Windows service (data and model are kept)") { name };
        command.SetAction((result, cancellationToken) => CommandRunner.RunAsync(async () =>
        {
            if (!OperatingSystem.IsWindows())
            {
                Console.Error.WriteLine(ServiceCommand.NotWindows);
                return CommandRunner.Failed;
            }

            var serviceName = result.GetValue(name)!;

            // Stopping fails when it is not running; deleting is what matters.
            await ScExe.RunAsync(["stop", serviceName], cancellationToken).ConfigureAwait(false);
            var code = await ScExe.RunAsync(["delete", serviceName], cancellationToken).ConfigureAwait(false);
            if (code == 0)
            {
                Console.WriteLine($"Removed service '{serviceName}'.");
            }

            return code == 0 ? CommandRunner.Ok : CommandRunner.Failed;
        }));
        return command;
    }
}
