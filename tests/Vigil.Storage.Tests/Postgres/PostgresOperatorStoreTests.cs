using Vigil.Storage.Operator;
using Vigil.Storage.Postgres;
using Vigil.Storage.Tests.Contract;

namespace Vigil.Storage.Tests.Postgres;

/// <summary>The operator contract on the PostgreSQL engine: a real server (see <see cref="PostgresServer"/>), a fresh database per test.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresOperatorStoreTests(PostgresServer server) : OperatorStoreContract
{
    private readonly string _connectionString = server.CreateDatabase();

    protected override IOperatorStore Open() => PostgresOperatorStore.Open(_connectionString, Clock);
}
