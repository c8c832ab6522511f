using Microsoft.AspNetCore.Http;
using Vigil.Cli.Tests.Support;
using Vigil.Collectors.Tests.Support;
using Vigil.Forward.Tests.Support;

namespace Vigil.Cli.Tests.Commands.Forward;

/// <summary>
/// Exactly once, end to end: a real <c>vigil forward</c> is killed with SIGKILL again and again while 50,000 events
/// flow to a real OTLP endpoint that stores each (source, record key) once, as Vigil's store does. No event may be
/// lost, and none stored twice under a second key (a re-read must reproduce the same record keys).
/// </summary>
public sealed class ForwardKillNineTests : IDisposable
{
    private const int Events = 50_000;
    private const int Kills = 8;

    private readonly string _dir = Directory.CreateTempSubdirectory("vigil-forward-kill-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task KillingTheAgentMidStreamNeitherLosesNorDuplicatesAnyOf50000Events()
    {
        await using var server = await OtlpTestServer.StartAsync();
        var log = Path.Combine(_dir, "app.log");
        var writer = new LogWriter();
        var seed = Environment.TickCount;
        var random = new Random(seed);
        var environment = new Dictionary<string, string> { ["VIGIL_FORWARD__BATCH_SIZE"] = "500" };
        string[] args = ["forward", "--to", server.Url, "--source", "text:app.log", "--host", "web01"];
        writer.Append(log, Events / (Kills + 1));

        // A server that takes a moment to commit, as a real one does, so kills land mid-request too; and one in five
        // requests dies with the server before it stored anything (the connection drops): the agent must send it again.
        var server1 = new Random(seed + 1);
        server.Respond = context =>
        {
            int ms;
            bool dies;
            lock (server1)
            {
                ms = server1.Next(0, 60);
                dies = server1.Next(5) == 0;
            }

            Thread.Sleep(ms);
            if (dies)
            {
                context.Abort();
                return Results.Empty;
            }

            return null;
        };

        var kills = 0;
        for (var round = 0; round < Kills; round++)
        {
            using var agent = VigilProcess.Start(_dir, environment, args);
            _ = agent.StandardOutput.ReadToEndAsync();
            _ = agent.StandardError.ReadToEndAsync();

            // Mid-stream: after the server saw a few more requests, then a random moment more.
            var seen = server.Requests.Count;
            var wanted = seen + random.Next(1, 5);
            var deadline = DateTime.UtcNow.AddMinutes(2);
            while (server.Requests.Count < wanted && !agent.HasExited && DateTime.UtcNow < deadline)
            {
                await Task.Delay(random.Next(1, 30));
            }

            kills += agent.HasExited ? 0 : 1;
            agent.Kill();
            await agent.WaitForExitAsync();

            // The log keeps growing between restarts.
            writer.Append(log, round == Kills - 1 ? Events - writer.Written : Events / (Kills + 1));
        }

        using (var last = VigilProcess.Start(_dir, environment, [.. args, "--once"]))
        {
            var errors = last.StandardError.ReadToEndAsync();
            _ = last.StandardOutput.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
            await last.WaitForExitAsync(timeout.Token);
            Assert.True(last.ExitCode == 0, $"the final forward failed: {await errors}");
        }

        Assert.True(kills == Kills, $"only {kills} of {Kills} agents were killed mid-stream (seed {seed})");
        Assert.Equal(Events, writer.Written);
        Assert.Equal(Events, server.Stored);
        Assert.Equal(writer.ExpectedMessages().Order(StringComparer.Ordinal), server.Messages().Order(StringComparer.Ordinal));
    }
}
