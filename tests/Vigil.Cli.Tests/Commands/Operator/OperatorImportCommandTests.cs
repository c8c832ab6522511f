using System.Text.Json;
using Vigil.Cli.Tests.Support;

namespace Vigil.Cli.Tests.Commands.Operator;

/// <summary>
/// An instance that kept its operator state in SQLite moves to <c>[store] kind = postgresql</c>: status names what its
/// file holds that no longer applies, <c>vigil operator import</c> copies it (once), and the file keeps its copy.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class OperatorImportCommandTests(PostgresServer server) : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("vigil-opimport-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task StateKeptInSqliteIsNamedByStatusAndImportedOnceIntoPostgresql()
    {
        Assert.Equal(0, (await VigilProcess.RunAsync(_dir, "maintenance", "add", "--from", "2026-02-16T04:00Z", "--to", "2026-02-16T06:00Z", "--reason", "patching")).ExitCode);
        Assert.Equal(0, (await VigilProcess.RunAsync(_dir, "accept", "Service Control Manager/7045")).ExitCode);
        Assert.Equal(0, (await VigilProcess.RunAsync(_dir, "feedback", "2026-02-16 14:00:00", "--false-alarm")).ExitCode);
        Config($"[store]\nkind = postgresql\nconnection_string = {server.CreateDatabase()}\n");

        var before = await VigilProcess.RunAsync(_dir, "status", "--json");
        var text = await VigilProcess.RunAsync(_dir, "status");
        var import = await VigilProcess.RunAsync(_dir, "operator", "import");
        var again = await VigilProcess.RunAsync(_dir, "operator", "import", "--json");
        var after = await VigilProcess.RunAsync(_dir, "status", "--json");
        var maintenance = await VigilProcess.RunAsync(_dir, "maintenance", "list", "--json");
        Config(string.Empty);
        var file = await VigilProcess.RunAsync(_dir, "maintenance", "list", "--json");

        using var pending = JsonDocument.Parse(before.Out);
        var notImported = pending.RootElement.GetProperty("not_imported");
        Assert.Equal((1, 1, 1, 0), (notImported.GetProperty("maintenance_windows").GetInt32(), notImported.GetProperty("accepted_kinds").GetInt32(), notImported.GetProperty("false_alarms").GetInt32(), notImported.GetProperty("incidents").GetInt32()));
        Assert.Equal(0, pending.RootElement.GetProperty("accepted_kinds").GetArrayLength());
        Assert.Contains("'vigil operator import' copies them", text.Out, StringComparison.Ordinal);
        Assert.True(import.ExitCode == 0, import.Error);
        Assert.Contains("Imported 1 maintenance window, 1 accepted kind, 1 false alarm from", import.Out, StringComparison.Ordinal);
        using var second = JsonDocument.Parse(again.Out);
        Assert.Equal(0, second.RootElement.GetProperty("maintenance_windows").GetInt32() + second.RootElement.GetProperty("accepted_kinds").GetInt32() + second.RootElement.GetProperty("false_alarms").GetInt32());
        using var done = JsonDocument.Parse(after.Out);
        Assert.Equal(JsonValueKind.Null, done.RootElement.GetProperty("not_imported").ValueKind);
        Assert.Equal("Service Control Manager/7045", done.RootElement.GetProperty("accepted_kinds")[0].GetProperty("kind").GetString());
        Assert.Equal("2026-02-16 14:00:00", done.RootElement.GetProperty("false_alarms")[0].GetProperty("hour_timestamp").GetString());
        using var shared = JsonDocument.Parse(maintenance.Out);
        Assert.Equal("patching", Assert.Single(shared.RootElement.EnumerateArray()).GetProperty("reason").GetString());
        using var kept = JsonDocument.Parse(file.Out);
        Assert.Equal("patching", Assert.Single(kept.RootElement.EnumerateArray()).GetProperty("reason").GetString());
    }

    [Fact]
    public async Task ImportOnSqliteIsRefusedWithOneLine()
    {
        var import = await VigilProcess.RunAsync(_dir, "operator", "import");

        Assert.Equal(2, import.ExitCode);
        Assert.Contains("[store] kind is sqlite", import.Error, StringComparison.Ordinal);
        Assert.Single(import.Error.Trim().Split('\n'));
    }

    private void Config(string text)
    {
        Directory.CreateDirectory(Path.Combine(_dir, "config"));
        File.WriteAllText(Path.Combine(_dir, "config", "config.ini"), text);
    }
}
