using Vigil.Storage.Outbox;
using Vigil.Storage.Postgres;

namespace Vigil.Storage.Tests.Postgres;

/// <summary>The PostgreSQL outbox with several senders (instances) draining it at once.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresAlertOutboxTests
{
    private static readonly DateTime Noon = new(2026, 2, 16, 12, 0, 0, DateTimeKind.Utc);
    private readonly string _connectionString;

    public PostgresAlertOutboxTests(PostgresServer server) => _connectionString = server.CreateDatabase();

    private static OutboxEntry Alert(int n) => new("email", "host:web01/syslog", "inc-" + n, "new", Noon, Noon, "{}");

    [Fact]
    public async Task TwoSendersAreHandedDifferentAlertsAndAnUnfinishedOneIsDueAgainAfterItsLease()
    {
        using var one = PostgresAlertOutbox.Open(_connectionString);
        using var two = PostgresAlertOutbox.Open(_connectionString);
        Assert.Equal(6, await one.EnqueueAsync([.. Enumerable.Range(0, 6).Select(Alert)], CancellationToken.None));

        var got = await Task.WhenAll(
            Task.Run(() => one.GetDueAsync(Noon, 3, CancellationToken.None)),
            Task.Run(() => two.GetDueAsync(Noon, 3, CancellationToken.None)));
        await one.MarkSentAsync(got[0][0].Id, 1, Noon, CancellationToken.None);

        Assert.Equal(6, got.SelectMany(g => g).Select(e => e.Id).Distinct().Count());
        Assert.Empty(await one.GetDueAsync(Noon.AddSeconds(30), 10, CancellationToken.None));
        Assert.Equal(5, (await two.GetDueAsync(Noon.AddMinutes(2), 10, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task AFailedAlertIsRequeuedOnceAndOthersAreLeftAsTheyAre()
    {
        using var outbox = PostgresAlertOutbox.Open(_connectionString);
        await outbox.EnqueueAsync([Alert(1), Alert(2), Alert(1)], CancellationToken.None);
        var entries = await outbox.ListAsync(null, 10, CancellationToken.None);
        var failed = entries.Single(e => e.IncidentId == "inc-1").Id;
        var pending = entries.Single(e => e.IncidentId == "inc-2").Id;
        await outbox.MarkFailedAsync(failed, 5, "535 authentication failed", CancellationToken.None);

        Assert.Equal(OutboxStatus.Failed, await outbox.RequeueFailedAsync(failed, CancellationToken.None));
        Assert.Equal(OutboxStatus.Pending, await outbox.RequeueFailedAsync(pending, CancellationToken.None));
        Assert.Null(await outbox.RequeueFailedAsync(999, CancellationToken.None));
        var requeued = (await outbox.ListAsync(OutboxStatus.Pending, 10, CancellationToken.None)).Single(e => e.Id == failed);
        Assert.Equal((0, "535 authentication failed"), (requeued.Attempts, requeued.LastError));
        Assert.Equal("inc-2", (await outbox.GetLatestIncidentAsync("host:web01/syslog", CancellationToken.None))!.IncidentId);
    }
}
