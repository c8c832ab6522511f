using System.Text.Json;
using Vigil.Cli.Tests.Support;

namespace Vigil.Cli.Tests.Commands.Operator;

/// <summary><c>vigil accept</c>, <c>vigil maintenance</c> and <c>vigil status</c> through the real binary and its SQLite store.</summary>
public sealed class AcceptAndMaintenanceCommandTests : IDisposable
{
    private const string DayEnd = "2026-02-17T00:00:00Z";
    private readonly string _dir = Directory.CreateTempSubdirectory("vigil-operator-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task AnAcceptedKindStopsPagingAndIsListedByStatus()
    {
        var source = "file:" + WriteLogWithAnInstall();
        Assert.Equal(0, (await VigilProcess.RunAsync(_dir, "setup", "--source", source, "--now", EventsCsv.WeekEnd)).ExitCode);

        var flagged = await VigilProcess.RunAsync(_dir, "detect", "--source", source, "--now", DayEnd);
        var accept = await VigilProcess.RunAsync(_dir, "accept", "Service Control Manager/7045");
        var status = await VigilProcess.RunAsync(_dir, "status", "--json");
        var after = await VigilProcess.RunAsync(_dir, "detect", "--source", source, "--now", DayEnd);

        Assert.Equal(1, flagged.ExitCode);
        Assert.Contains("Service Control Manager/7045", flagged.Out, StringComparison.Ordinal);
        Assert.Equal(0, accept.ExitCode);
        using var json = JsonDocument.Parse(status.Out);
        Assert.Equal("Service Control Manager/7045", json.RootElement.GetProperty("accepted_kinds")[0].GetProperty("kind").GetString());
        Assert.Equal(0, after.ExitCode);
    }

    [Fact]
    public async Task AMaintenanceWindowIsAddedListedAndRemoved()
    {
        var add = await VigilProcess.RunAsync(_dir, "maintenance", "add", "--from", "2026-02-16T04:00Z", "--to", "2026-02-16T06:00Z", "--reason", "patching", "--json");
        var list = await VigilProcess.RunAsync(_dir, "maintenance", "list", "--json");
        var remove = await VigilProcess.RunAsync(_dir, "maintenance", "remove", "1");
        var again = await VigilProcess.RunAsync(_dir, "maintenance", "remove", "1");

        Assert.Equal(0, add.ExitCode);
        using var listed = JsonDocument.Parse(list.Out);
        var window = Assert.Single(listed.RootElement.EnumerateArray());
        Assert.Equal("patching", window.GetProperty("reason").GetString());
        Assert.Equal(new DateTime(2026, 2, 16, 4, 0, 0, DateTimeKind.Utc), window.GetProperty("from").GetDateTime().ToUniversalTime());
        Assert.Equal(0, remove.ExitCode);
        Assert.Equal(2, again.ExitCode);
        Assert.Contains("no maintenance window 1", again.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWindowOfOneHostIsListedWithItsHost()
    {
        var add = await VigilProcess.RunAsync(_dir, "maintenance", "add", "--from", "2026-02-16T04:00Z", "--to", "2026-02-16T06:00Z", "--host", "DB01");
        var list = await VigilProcess.RunAsync(_dir, "maintenance", "list", "--json");

        Assert.Equal(0, add.ExitCode);
        Assert.Contains("UTC on db01", add.Out, StringComparison.Ordinal);
        using var listed = JsonDocument.Parse(list.Out);
        Assert.Equal("db01", Assert.Single(listed.RootElement.EnumerateArray()).GetProperty("host").GetString());
    }

    [Fact]
    public async Task ABadTimeIsAnOperatorErrorOfOneLine()
    {
        var result = await VigilProcess.RunAsync(_dir, "maintenance", "add", "--from", "tonight", "--to", "2026-02-16T06:00Z");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--from 'tonight' is not a time", result.Error, StringComparison.Ordinal);
        Assert.Single(result.Error.Trim().Split('\n'));
    }

    private string WriteLogWithAnInstall()
    {
        var path = EventsCsv.Write(Path.Combine(_dir, "events.csv"));
        File.AppendAllText(path, "2026-02-16T05:20:00Z,Information,7045,Service Control Manager,System,HOST1,A service was installed in the system.,999999\n");
        return path;
    }
}
