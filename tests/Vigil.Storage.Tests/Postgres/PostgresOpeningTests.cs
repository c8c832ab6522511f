using System.Net;
using System.Net.Sockets;
using Npgsql;
using Vigil.Core.Events;
using Vigil.Storage.Postgres;

namespace Vigil.Storage.Tests.Postgres;

/// <summary>Opening a PostgreSQL store: schema versions, and the one line an operator gets when it cannot be opened.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresOpeningTests
{
    private readonly PostgresServer _server;
    private readonly string _connectionString;

    public PostgresOpeningTests(PostgresServer server)
    {
        _server = server;
        _connectionString = server.CreateDatabase();
    }

    [Fact]
    public async Task ADatabaseMigratedByANewerVigilIsRefusedWithOneLine()
    {
        PostgresEventStore.Open(_connectionString).Dispose();
        await using (var connection = new NpgsqlConnection(_connectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("INSERT INTO schemaversions (scriptname, applied) VALUES ('Vigil.Storage.Postgres.Migrations.0999_future.sql', now())", connection);
            await command.ExecuteNonQueryAsync();
        }

        var error = Assert.Throws<StoreException>(() => PostgresEventStore.Open(_connectionString));

        Assert.Contains("0999_future.sql", error.Message);
        Assert.Contains($"127.0.0.1:{_server.Port}", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public async Task OpeningTwiceMigratesOnceAndKeepsTheData()
    {
        using (var store = PostgresEventStore.Open(_connectionString))
        {
            await store.AddEventsAsync("journald", [new LogEvent(DateTime.UtcNow, 4, 1, "p", "c", "h", null, "k")], "cursor", CancellationToken.None);
        }

        var opened = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() => PostgresEventStore.Open(_connectionString))));
        foreach (var store in opened)
        {
            Assert.Equal("cursor", await store.GetCheckpointAsync("journald", CancellationToken.None));
            store.Dispose();
        }
    }

    [Fact]
    public void AServerThatIsDownIsNamedByHostAndPortWithoutThePassword()
    {
        var port = ClosedPort();

        var error = Assert.Throws<StoreException>(() => PostgresEventStore.Open($"Host=127.0.0.1;Port={port};Username=vigil;Password=s3cret-pw;Database=vigil;Timeout=5"));

        Assert.Contains($"127.0.0.1:{port}", error.Message);
        Assert.Contains("connection refused", error.Message);
        Assert.DoesNotContain("s3cret-pw", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void AMissingDatabaseIsNamedWithWhatToDo()
    {
        var error = Assert.Throws<StoreException>(() => PostgresEventStore.Open(_server.ConnectionString("no_such_db")));

        Assert.Contains("no database 'no_such_db'", error.Message);
        Assert.Contains("createdb no_such_db", error.Message);
    }

    [Fact]
    public void AConnectionStringThatIsNotOneIsRefusedWithoutQuotingIt()
    {
        var error = Assert.Throws<StoreException>(() => PostgresEventStore.Open("Hots=db1;Pasword=s3cret-pw"));

        Assert.Contains("[store] connection_string", error.Message);
        Assert.DoesNotContain("s3cret-pw", error.Message);
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
