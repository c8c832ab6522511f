using Vigil.Storage.Incidents;
using Vigil.Storage.Postgres;
using Vigil.Storage.Tests.Contract;

namespace Vigil.Storage.Tests.Postgres;

/// <summary>The incident contract on the PostgreSQL engine: a real server (see <see cref="PostgresServer"/>), a fresh database per test.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresIncidentStoreTests(PostgresServer server) : IncidentStoreContract
{
    private readonly string _connectionString = server.CreateDatabase();

    protected override IIncidentStore Open() => PostgresIncidentStore.Open(_connectionString, Clock);
}
