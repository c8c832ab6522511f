using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Vigil.Cli.Tests.Support;

namespace Vigil.Cli.Tests.Invocation;

/// <summary>The real binary on <c>[store] kind = postgresql</c>: the same verbs on a real PostgreSQL server, and one line when it is down.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresStoreTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("vigil-pgcli-").FullName;
    private readonly PostgresServer _server;

    public PostgresStoreTests(PostgresServer server) => _server = server;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task SetupDetectAndStatusRunOnPostgresqlAsOnSqlite()
    {
        var database = _server.CreateDatabase();
        Config($"[store]\nkind = postgresql\nconnection_string = {database};Password=never-shown\n");
        var source = "file:" + EventsCsv.Write(Path.Combine(_dir, "ev.csv"));

        var setup = await VigilProcess.RunAsync(_dir, "setup", "--source", source, "--now", EventsCsv.WeekEnd);
        var detect = await VigilProcess.RunAsync(_dir, "detect", "--source", source, "--now", "2026-02-17T00:00:00Z", "--json");
        var status = await VigilProcess.RunAsync(_dir, "status", "--json");

        Assert.True(setup.ExitCode == 0, setup.Error);
        Assert.True(detect.ExitCode is 0 or 1, detect.Error);
        Assert.Equal(0, status.ExitCode);
        using var json = JsonDocument.Parse(status.Out);
        Assert.Equal("postgresql", json.RootElement.GetProperty("store_kind").GetString());
        Assert.Equal($"postgresql://127.0.0.1:{_server.Port}/{database.Split("Database=")[1].Split(';')[0]}", json.RootElement.GetProperty("store_path").GetString());
        Assert.True(json.RootElement.GetProperty("events").GetInt64() > 8 * 24 * 10);
        Assert.DoesNotContain("never-shown", setup.Out + setup.Error + detect.Out + detect.Error + status.Out + status.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_dir, "data", "vigil.db")) && new FileInfo(Path.Combine(_dir, "data", "vigil.db")).Length > 200_000, "events went to SQLite");
    }

    [Fact]
    public async Task APostgresqlThatIsDownIsOneLineNamingHostAndPortExitTwo()
    {
        var port = ClosedPort();
        Config($"[store]\nkind = postgresql\nconnection_string = Host=127.0.0.1;Port={port};Username=vigil;Password=never-shown;Database=vigil\n");

        var status = await VigilProcess.RunAsync(_dir, "status");

        Assert.Equal(2, status.ExitCode);
        Assert.Contains($"127.0.0.1:{port}", status.Error, StringComparison.Ordinal);
        Assert.Single(status.Error.Trim().Split('\n'));
        Assert.DoesNotContain("never-shown", status.Error + status.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", status.Error, StringComparison.Ordinal);
    }

    private void Config(string text)
    {
        Directory.CreateDirectory(Path.Combine(_dir, "config"));
        File.WriteAllText(Path.Combine(_dir, "config", "config.ini"), text);
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
