using System.CommandLine;
using Microsoft.Extensions.Hosting;
using Vigil.Api;
using Vigil.Cli.Commands.Shared;
using Vigil.Pipeline.Configuration;

namespace Vigil.Cli.Commands;

/// <summary>
/// <c>vigil serve</c>: the HTTP API, the dashboard at / and the hourly scheduler, until stopped. Requires an API key
/// (generated on first start when <c>[api] api_key</c> is not set), and refuses a second server on the same data directory.
/// </summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var config = CommonOptions.Config();
        var listen = new Option<string?>("--listen") { Description = "Where to listen, e.g. http://127.0.0.1:5000 (overrides [api] listen)" };
        var noScheduler = new Option<bool>("--no-scheduler") { Description = "Do not run detection every hour; only on request" };
        var workingDir = new Option<string?>("--working-dir") { Description = "Folder that relative paths (config, data_dir, models_dir) start from; services start elsewhere" };
        var command = new Command("serve", "Serve the API and dashboard, and run detection every hour") { config, listen, noScheduler, workingDir };
        command.SetAction((result, cancellationToken) => CommandRunner.RunUntilStoppedAsync(cancellationToken, async () =>
        {
            if (result.GetValue(workingDir) is { } dir)
            {
                Directory.SetCurrentDirectory(dir);
            }

            var options = new VigilApiOptions(ConfigLoader.Load(result.GetValue(config)))
            {
                Listen = result.GetValue(listen),
                EnableScheduler = !result.GetValue(noScheduler),
            };
            await using var server = VigilApi.Create(options);
            if (server.KeyNotice is { } notice)
            {
                Console.WriteLine(notice);
            }

            // Ctrl+C and SIGTERM cancel the token (System.CommandLine) and stop the host (its console lifetime): either
            // way the server shuts down cleanly and serve exits 0, as a service manager expects.
            await server.StartAsync(cancellationToken).ConfigureAwait(false);
            await server.App.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
            return CommandRunner.Ok;
        }));
        return command;
    }
}
