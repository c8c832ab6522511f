using Vigil.Pipeline.Configuration;
using Vigil.Pipeline.Tests.Support;

namespace Vigil.Pipeline.Tests.Scheduling;

/// <summary>Several <c>vigil serve</c> instances on one PostgreSQL database: each host-hour scored once, as on SQLite.</summary>
[Collection(PostgresCollection.Name)]
public sealed class FleetDetectionTargetPostgresTests(PostgresServer server) : IDisposable
{
    private readonly Workspace _workspace = new(model: "vigil");

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public Task TwoInstancesOnOnePostgresqlDatabaseScoreEveryHostHourExactlyOnce()
    {
        _workspace.Config = _workspace.Config with { Store = new StoreSettings(StoreKind.Postgresql, server.CreateDatabase(), 0) };
        return FleetDetectionTargetTests.TwoInstancesScoreEveryHostHourOnceAsync(_workspace, new SimulatedFleet(hosts: 4, seed: 3));
    }
}
