using Vigil.Cli.Tests.Support;

namespace Vigil.Cli.Tests.Invocation;

/// <summary>A command line vigil cannot accept is exit 2 and one line on stderr: no help dump, no trace, never exit 1.</summary>
public sealed class UsageErrorTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("vigil-usage-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("frobnicate", "unknown command or argument 'frobnicate'")]
    [InlineData("detet", "(did you mean 'detect'?)")]
    [InlineData("detect --hours 0", "--hours '0' is not a whole number of hours from 1 to 8784")]
    [InlineData("detect --hours abc", "--hours 'abc' is not a whole number of hours from 1 to 8784")]
    [InlineData("detect --hours 2147483647", "--hours '2147483647' is not a whole number of hours from 1 to 8784")]
    [InlineData("detect --hours 1000000", "--hours '1000000' is not a whole number of hours from 1 to 8784")]
    [InlineData("detect --now yesterday", "--now 'yesterday' is not an ISO 8601 date and time")]
    [InlineData("detect --json --bogus", "unknown command or argument '--bogus'")]
    [InlineData("alert", "a command is required (test, list, send, retry)")]
    [InlineData("", "a command is required (demo, setup, detect")]
    public async Task IsExit2WithOneLineNamingTheProblem(string commandLine, string expected)
    {
        var result = await VigilProcess.RunAsync(_dir, commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries));

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(string.Empty, result.Out);
        var line = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.Contains("--help'", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheLargestAllowedHoursIsAccepted()
    {
        var result = await VigilProcess.RunAsync(_dir, "detect", "--source", "demo", "--hours", "8784");

        // Past the command line: the run itself stops at the missing model, with the seed's message.
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("There are no model files. Run 'vigil setup' first.", result.Error.Trim());
    }

    [Theory]
    [InlineData("evtx", "info")]
    [InlineData("evtx", "dump")]
    public async Task AMissingFileIsExit2NamingThePath(string verb, string sub)
    {
        var missing = Path.Combine(_dir, "no-such.evtx");

        var result = await VigilProcess.RunAsync(_dir, verb, sub, missing);

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains($"{missing}: no such file", line, StringComparison.Ordinal);
        Assert.DoesNotContain("I/O error", line, StringComparison.Ordinal);
    }
}
