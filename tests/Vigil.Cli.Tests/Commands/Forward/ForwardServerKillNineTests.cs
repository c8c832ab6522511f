using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Vigil.Cli.Tests.Support;
using Vigil.Collectors.Tests.Support;
using Vigil.Storage;

namespace Vigil.Cli.Tests.Commands.Forward;

/// <summary>
/// Exactly once across both ends: a real <c>vigil serve</c> (SQLite store, <c>POST /v1/logs</c>) and a real
/// <c>vigil forward</c> are each killed with SIGKILL again and again while 50,000 events flow between them; after a last
/// clean run the store holds exactly 50,000 events for the host's source.
/// </summary>
public sealed class ForwardServerKillNineTests : IDisposable
{
    private const int Events = 50_000;
    private const int Rounds = 6;
    private const string IngestKey = "ingest-key-0123456789abcdef";

    private readonly string _dir = Directory.CreateTempSubdirectory("vigil-forward-serve-kill-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task KillingTheServerAndTheAgentMidStreamStoresExactly50000Events()
    {
        var serverDir = Directory.CreateDirectory(Path.Combine(_dir, "server")).FullName;
        Directory.CreateDirectory(Path.Combine(serverDir, "config"));
        File.WriteAllText(Path.Combine(serverDir, "config", "config.ini"), $"[api]\napi_key = admin-key-0123456789abcdef\n\n[ingest]\nkeys = {IngestKey}@web01\n");
        var agentDir = Directory.CreateDirectory(Path.Combine(_dir, "agent")).FullName;
        var log = Path.Combine(agentDir, "app.log");
        var url = $"http://127.0.0.1:{FreePort()}";
        var agentEnvironment = new Dictionary<string, string> { ["VIGIL_FORWARD__KEY"] = IngestKey, ["VIGIL_FORWARD__BATCH_SIZE"] = "500" };
        string[] agentArgs = ["forward", "--to", url, "--source", "text:app.log", "--host", "web01"];
        var writer = new LogWriter();
        var seed = Environment.TickCount;
        var random = new Random(seed);
        writer.Append(log, Events / (Rounds + 1));

        var agent = StartDrained(agentDir, agentEnvironment, agentArgs);
        try
        {
            for (var round = 0; round < Rounds; round++)
            {
                using (var server = await StartServerAsync(serverDir, url))
                {
                    await Task.Delay(random.Next(200, 2_500));
                    server.Kill();
                    await server.WaitForExitAsync();
                }

                if (round % 2 == 1)
                {
                    agent.Kill();
                    await agent.WaitForExitAsync();
                    agent.Dispose();
                    agent = StartDrained(agentDir, agentEnvironment, agentArgs);
                }

                writer.Append(log, round == Rounds - 1 ? Events - writer.Written : Events / (Rounds + 1));
            }
        }
        finally
        {
            agent.Kill();
            await agent.WaitForExitAsync();
            agent.Dispose();
        }

        using (var server = await StartServerAsync(serverDir, url))
        {
            var last = await VigilProcess.RunAsync(agentDir, [.. agentArgs, "--once", "--key", IngestKey]);
            Assert.True(last.ExitCode == 0, $"the final forward failed: {last.Error}");
            server.Kill();
            await server.WaitForExitAsync();
        }

        using var store = SqliteEventStore.Open(Path.Combine(serverDir, "data", "vigil.db"));
        var sources = await store.GetSourcesAsync(CancellationToken.None);
        var stored = Assert.Single(sources);
        Assert.Equal($"host:web01/text:{log}", stored.Name);
        Assert.True(stored.Events == Events, $"stored {stored.Events} of {Events} events (seed {seed})");
    }

    private static Process StartDrained(string dir, IReadOnlyDictionary<string, string> environment, string[] args)
    {
        var process = VigilProcess.Start(dir, environment, args);
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        return process;
    }

    private static async Task<Process> StartServerAsync(string dir, string url)
    {
        var server = VigilProcess.Start(dir, new Dictionary<string, string>(), "serve", "--listen", url, "--no-scheduler");
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _ = Task.Run(async () =>
        {
            while (await server.StandardOutput.ReadLineAsync() is { } line)
            {
                if (line.Contains("Application started", StringComparison.Ordinal))
                {
                    started.TrySetResult();
                }
            }

            started.TrySetException(new InvalidOperationException($"serve ended before it started: {await server.StandardError.ReadToEndAsync()}"));
        });
        _ = server.StandardError.ReadToEndAsync();
        await started.Task.WaitAsync(TimeSpan.FromMinutes(2));
        return server;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
