using Vigil.Storage;
using Vigil.Storage.Outbox;
using Vigil.Storage.Postgres;
using Vigil.Storage.Tests.Contract;

namespace Vigil.Storage.Tests.Postgres;

/// <summary>The store contract on the PostgreSQL engine: a real server (see <see cref="PostgresServer"/>), a fresh database per test.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresEventStoreTests : EventStoreContract
{
    private readonly string _connectionString;

    public PostgresEventStoreTests(PostgresServer server) => _connectionString = server.CreateDatabase();

    protected override IEventStore Open() => PostgresEventStore.Open(_connectionString);

    protected override IAlertOutbox OpenOutbox() => PostgresAlertOutbox.Open(_connectionString);
}
