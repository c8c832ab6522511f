using System.CommandLine;
using Vigil.Cli.Invocation;

namespace Vigil.Cli.Tests.Invocation;

/// <summary>A bug (any exception that is not an operator error) is exit 3: one line for the user, the whole exception in the error log.</summary>
public sealed class InternalErrorTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("vigil-internal-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task ABugIsExit3WithOneLineNamingTheLogThatHoldsTheTrace()
    {
        var config = Path.Combine(_dir, "config.ini");
        File.WriteAllText(config, $"[vigil]\ndata_dir = {Path.Combine(_dir, "data")}\n");
        var root = new RootCommand("test");
        var verb = new Command("explode") { new Option<string?>("--config") };
        verb.SetAction(_ => ThrowDeep());
        root.Subcommands.Add(verb);
        using var stderr = new StringWriter();

        var exit = await VigilCli.RunAsync(root, ["explode", "--config", config], stderr);

        Assert.Equal(3, exit);
        var line = Assert.Single(stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.DoesNotContain("   at ", line, StringComparison.Ordinal);
        var log = Path.Combine(_dir, "data", CrashLog.FileName);
        Assert.Contains(log, line, StringComparison.Ordinal);
        var report = File.ReadAllText(log);
        Assert.Contains("InvalidOperationException: the index is inconsistent", report, StringComparison.Ordinal);
        Assert.Contains(nameof(ThrowDeep), report, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnOperatorErrorThrownAnywhereIsExit2NotExit3()
    {
        var root = new RootCommand("test");
        var verb = new Command("fail");
        verb.SetAction((Func<ParseResult, int>)(_ => throw new IOException("No space left on device : '/data/vigil.db'", 28)));
        root.Subcommands.Add(verb);
        using var stderr = new StringWriter();

        var exit = await VigilCli.RunAsync(root, ["fail"], stderr);

        Assert.Equal(2, exit);
        Assert.StartsWith("The disk is full (No space left on device", stderr.ToString(), StringComparison.Ordinal);
    }

    private static int ThrowDeep() => throw new InvalidOperationException("the index is inconsistent");
}
