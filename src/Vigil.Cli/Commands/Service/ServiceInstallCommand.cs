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
        var forward = new Option<bool>("--forward") { Description = "Register 'vigil forward' (the agent, [forward] settings) instead of 'vigil serve'; default name VigilForward" };
        var command = new Command("install", "Register 'vigil serve' (or with --forward, 'vigil forward') as a Windows service that starts with the machine") { config, name, workingDir, forward };
        command.SetAction((result, cancellationToken) => CommandRunner.RunAsync(async () =>
        {
            if (!OperatingSystem.IsWindows())
            {
                Console.Error.WriteLine(ServiceCommand.NotWindows);
                return CommandRunner.Failed;
            }

            var isForward = result.GetValue(forward);
            var serviceName = isForward && result.GetValue(name) == ServiceNameOption.Default ? "VigilForward" : result.GetValue(name)!;
            var plan = ServicePlan.ForCurrentProcess(serviceName, result.GetValue(config), result.GetValue(workingDir)!, isForward ? "forward" : "serve");
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
