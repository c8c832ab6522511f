using System.CommandLine;
using Vigil.Cli.Commands.Shared;

namespace Vigil.Cli.Commands.Service;

/// <summary><c>vigil service install</c>: <c>sc.exe create</c> with this binary running <c>serve</c>, the config and working folder made absolute, delayed automatic start.</summary>
internal static class ServiceInstallCommand
{
    public static Command Create()
    {
        var config = CommonOptions.Config();
        var name = ServiceNameOption.Create();
        var workingDir = new Option<string>("--working-dir") { Description = "Folder the service starts in (relative data_dir/models_dir resolve here)", DefaultValueFactory = _ => Directory.GetCurrentDirectory() };
        var command = new Command("install", "Register 'vigil serve' as a Windows service that starts with the machine") { config, name, workingDir };
        command.SetAction((result, cancellationToken) => CommandRunner.RunAsync(async () =>
        {
            if (!OperatingSystem.IsWindows())
            {
                Console.Error.WriteLine(ServiceCommand.NotWindows);
                return CommandRunner.Failed;
            }

            var plan = ServicePlan.ForCurrentProcess(result.GetValue(name)!, result.GetValue(config), result.GetValue(workingDir)!);
            var code = await ScExe.RunAsync(plan.CreateArguments(), cancellationToken).ConfigureAwait(false);
            if (code == 0)
            {
                await ScExe.RunAsync(plan.DescriptionArguments(), cancellationToken).ConfigureAwait(false);
                Console.WriteLine($"Installed service '{plan.Name}' ({plan.BinaryPath}). Start it with: sc.exe start {plan.Name}");
            }

            return code == 0 ? CommandRunner.Ok : CommandRunner.Failed;
        }));
        return command;
    }
}
