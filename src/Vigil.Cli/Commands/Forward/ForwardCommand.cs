using System.CommandLine;
using Vigil.Cli.Commands.Shared;
using Vigil.Forward;
using Vigil.Forward.Sending;
using Vigil.Pipeline;
using Vigil.Pipeline.Configuration;

namespace Vigil.Cli.Commands.Forward;

/// <summary>
/// <c>vigil forward --to URL</c>: Vigil's agent. Follows the local sources and pushes their events to a Vigil server as
/// OTLP/HTTP, filed there under <c>host:HOST/SOURCE</c>. What is read waits in a bounded spool under
/// <c>{data_dir}/forward</c> until the server acknowledges it; only then does the source's checkpoint move, so a stop,
/// a crash or a server outage loses nothing and the server stores every event once. Ctrl+C / SIGTERM stop it (exit 0).
/// </summary>
internal static class ForwardCommand
{
    private static readonly TimeSpan ProgressEvery = TimeSpan.FromSeconds(10);

    public static Command Create()
    {
        var config = CommonOptions.Config();
        var source = CommonOptions.Source();
        var to = new Option<string?>("--to") { Description = "The Vigil server, e.g. http://vigil.example:5000; batches go to {to}/v1/logs (overrides [forward] to)" };
        var key = new Option<string?>("--key") { Description = "The ingest key (X-Api-Key); better set [forward] key or VIGIL_FORWARD__KEY, which ps cannot show" };
        var host = new Option<string?>("--host") { Description = "The host name to file the events under (default: [forward] host, else this machine's name)" };
        var once = new Option<bool>("--once") { Description = "Push what the sources hold now, wait for the server to acknowledge it, and exit" };
        var workingDir = new Option<string?>("--working-dir") { Description = "Folder that relative paths (config, data_dir) start from; services start elsewhere" };
        var output = new OutputFeature();
        var command = new Command("forward", "Push the local sources' events to a Vigil server (the agent), buffering on disk while it is down") { config, source, to, key, host, once, workingDir };
        output.AddTo(command);
        command.SetAction((result, cancellationToken) => CommandRunner.RunUntilStoppedAsync(cancellationToken, () =>
            WindowsServiceHosting.RunAsync("VigilForward", cancellationToken, async stopping =>
            {
                if (result.GetValue(workingDir) is { } dir)
                {
                    Directory.SetCurrentDirectory(dir);
                }

                var settings = ConfigLoader.Load(result.GetValue(config));
                var target = ForwardTarget.Resolve(result.GetValue(to), result.GetValue(key), result.GetValue(host), settings.Forward, Environment.MachineName);
                using var context = new VigilContext(settings);
                var sources = context.Sources(result.GetValue(source));
                var stateDir = Path.Combine(settings.Vigil.DataDir, "forward");
                using var instance = InstanceLock.Acquire(stateDir);
                using var sender = new OtlpHttpSender(target.To, target.Key, target.Host);
                var forwarder = Forwarder.Open(
                    sources,
                    sender,
                    new ForwardOptions
                    {
                        StateDir = stateDir,
                        BatchSize = settings.Forward.BatchSize,
                        SpoolBytes = settings.Forward.SpoolMegabytes * 1024L * 1024,
                        Once = result.GetValue(once),
                    },
                    message => Console.Error.WriteLine($"forward: {message}"));

                var json = output.IsJson(result);
                Console.Error.WriteLine($"forward: pushing {string.Join(", ", sources.Select(s => s.Name))} to {sender.EndpointUrl} as host {target.Host}; spool {forwarder.Progress.SpooledBatches} batches waiting. Ctrl+C stops.");
                using var stopProgress = CancellationTokenSource.CreateLinkedTokenSource(stopping);
                var progress = ReportAsync(forwarder, json, stopProgress.Token);
                try
                {
                    await forwarder.RunAsync(stopping).ConfigureAwait(false);
                }
                finally
                {
                    await stopProgress.CancelAsync().ConfigureAwait(false);
                    await progress.ConfigureAwait(false);
                    ForwardProgressView.Write(forwarder.Progress, json);
                }

                return CommandRunner.Ok;
            })));
        return command;
    }

    /// <summary>A progress line every few seconds while something changes.</summary>
    private static async Task ReportAsync(Forwarder forwarder, bool json, CancellationToken cancellationToken)
    {
        var last = forwarder.Progress;
        using var timer = new PeriodicTimer(ProgressEvery);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                var now = forwarder.Progress;
                if (now != last)
                {
                    ForwardProgressView.Write(now, json);
                    last = now;
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
