using Vigil.Cli.Tests.Support;

namespace Vigil.Cli.Tests.Invocation;

/// <summary>SIGTERM is how a service manager stops <c>serve</c> and <c>watch</c>: a clean stop, exit 0 (not 143, not 2).</summary>
public sealed class StopSignalTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("vigil-stop-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task ServeExits0OnSigterm()
    {
        var result = await VigilProcess.RunUntilTerminatedAsync(_dir, "Application started", "serve", "--listen", "http://127.0.0.1:0", "--no-scheduler");

        Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}: {result.Out}");
        Assert.DoesNotContain("   at ", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WatchExits0OnSigterm()
    {
        File.WriteAllText(Path.Combine(_dir, "app.log"), "Feb 16 10:00:00 host1 sshd[42]: Accepted publickey for ops\n");

        var result = await VigilProcess.RunUntilTerminatedAsync(_dir, "Watching", "watch", "--source", "syslog:app.log");

        Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}: {result.Out}");
        Assert.DoesNotContain("Cancelled", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Out, StringComparison.Ordinal);
    }
}
