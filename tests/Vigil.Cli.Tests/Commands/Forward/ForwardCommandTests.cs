using Microsoft.AspNetCore.Http;
using Vigil.Cli.Tests.Support;
using Vigil.Collectors.Tests.Support;
using Vigil.Forward.Tests.Support;

namespace Vigil.Cli.Tests.Commands.Forward;

/// <summary><c>vigil forward</c> run as a user runs it, against a real OTLP/HTTP endpoint on 127.0.0.1.</summary>
public sealed class ForwardCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("vigil-forward-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task OncePushesEveryEventUnderTheHostAndExits0()
    {
        await using var server = await OtlpTestServer.StartAsync();
        new LogWriter().Append(Path.Combine(_dir, "app.log"), 2_000);

        var result = await VigilProcess.RunAsync(_dir, "forward", "--to", server.Url, "--source", "text:app.log", "--host", "Web01", "--key", "ingest-key-0123456789", "--once", "--json");

        Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}: {result.Error}");
        Assert.Equal(2_000, server.Stored);
        Assert.Equal([$"host:web01/text:{Path.Combine(_dir, "app.log")}"], server.StoredSources());
        Assert.All(server.Requests, r => Assert.Equal("ingest-key-0123456789", r.Key));
        Assert.Contains("\"acked\":2000", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("ingest-key-0123456789", result.Out + result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AKeyTheServerRefusesIsOneLineAndExit2()
    {
        await using var server = await OtlpTestServer.StartAsync();
        server.Respond = _ => Results.StatusCode(401);
        new LogWriter().Append(Path.Combine(_dir, "app.log"), 10);

        var result = await VigilProcess.RunAsync(_dir, "forward", "--to", server.Url, "--source", "text:app.log", "--key", "wrong-key-0123456789");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("refused the ingest key (401", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-key-0123456789", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ftp://vigil:21", "is not an http:// or https:// URL")]
    [InlineData("vigil:5000", "is not an http:// or https:// URL")]
    public async Task ABadServerAddressIsOneLineAndExit2(string to, string expected)
    {
        var result = await VigilProcess.RunAsync(_dir, "forward", "--to", to, "--source", "demo");

        Assert.Equal(2, result.ExitCode);
        Assert.Single(result.Error.Trim().Split('\n'));
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASourceThatIsNotUnderstoodIsOneLineAndExit2()
    {
        var result = await VigilProcess.RunAsync(_dir, "forward", "--to", "http://127.0.0.1:9", "--source", "nonsense:x");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("source 'nonsense:x' is not understood", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SigtermWhileTheServerIsDownStopsCleanlyWithExit0AndKeepsTheSpool()
    {
        new LogWriter().Append(Path.Combine(_dir, "app.log"), 100);

        var result = await VigilProcess.RunUntilTerminatedAsync(_dir, "the spool keeps what is read", "forward", "--to", "http://127.0.0.1:9", "--source", "text:app.log");

        Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}: {result.Error}");
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(_dir, "data", "forward", "spool"), "*.batch"));
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }
}
