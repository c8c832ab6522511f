using Microsoft.Extensions.Time.Testing;
using Vigil.Core.Detection;
using Vigil.Core.Windows;
using Vigil.Storage.Outbox;

namespace Vigil.Storage.Tests.Outbox;

public sealed class SqliteAlertOutboxTests : IDisposable
{
    private static readonly DateTime Hour = new(2025, 3, 14, 10, 0, 0, DateTimeKind.Utc);

    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"vigil-outbox-{Guid.NewGuid():N}");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 3, 14, 12, 0, 0, TimeSpan.Zero));

    private string StorePath => Path.Combine(_directory, "vigil.db");

    [Fact]
    public async Task AlertsFinishedWithARunArePendingBesideTheRunsVerdicts()
    {
        using (var store = SqliteEventStore.Open(StorePath))
        {
            var runId = await store.StartRunAsync("detect", "src", new HourRange(Hour, Hour.AddHours(1)), CancellationToken.None);
            var verdict = new HourDetection(new HourlySummary(Hour, 10, 5, 0, 5), -0.2, IsAnomaly: true);
            await store.FinishRunAsync(runId, new RunOutcome(true, 10, 1, 1, "ok"), new RunVerdicts("src", "test", [verdict]), [Entry("email"), Entry("slack")], CancellationToken.None);
        }

        using var outbox = SqliteAlertOutbox.Open(StorePath, _time);
        using var reopened = SqliteEventStore.Open(StorePath);

        var due = await outbox.GetDueAsync(Now, 10, CancellationToken.None);
        Assert.Equal(["email", "slack"], due.Select(e => e.Channel));
        Assert.All(due, e => Assert.Equal(OutboxStatus.Pending, e.Status));
        Assert.Equal("{\"alert\":1}", due[0].Payload);
        Assert.Single(await reopened.GetVerdictsAsync("src", new HourRange(Hour, Hour.AddHours(1)), CancellationToken.None));
    }

    [Fact]
    public async Task EnqueueingTheSameAlertTwiceForAChannelKeepsOne()
    {
        using var outbox = SqliteAlertOutbox.Open(StorePath, _time);

        var first = await outbox.EnqueueAsync([Entry("email")], CancellationToken.None);
        var second = await outbox.EnqueueAsync([Entry("email"), Entry("webhook")], CancellationToken.None);

        Assert.Equal((1, 1), (first, second));
        Assert.Equal(2, (await outbox.ListAsync(null, 10, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task ARetryIsNotDueBeforeItsNextAttemptTime()
    {
        using var outbox = SqliteAlertOutbox.Open(StorePath, _time);
        await outbox.EnqueueAsync([Entry("email")], CancellationToken.None);
        var id = (await outbox.GetDueAsync(Now, 10, CancellationToken.None))[0].Id;

        await outbox.MarkRetryAsync(id, 1, Now.AddMinutes(5), "email: cannot connect", CancellationToken.None);

        Assert.Empty(await outbox.GetDueAsync(Now.AddMinutes(4), 10, CancellationToken.None));
        var due = Assert.Single(await outbox.GetDueAsync(Now.AddMinutes(5), 10, CancellationToken.None));
        Assert.Equal((1, "email: cannot connect"), (due.Attempts, due.LastError));
    }

    [Fact]
    public async Task SentAndFailedEntriesAreNoLongerDueAndKeepTheirOutcome()
    {
        using var outbox = SqliteAlertOutbox.Open(StorePath, _time);
        await outbox.EnqueueAsync([Entry("email"), Entry("slack")], CancellationToken.None);
        var due = await outbox.GetDueAsync(Now, 10, CancellationToken.None);

        await outbox.MarkSentAsync(due[0].Id, 2, Now, CancellationToken.None);
        await outbox.MarkFailedAsync(due[1].Id, 1, "slack: HTTP 404", CancellationToken.None);

        Assert.Empty(await outbox.GetDueAsync(Now.AddDays(1), 10, CancellationToken.None));
        var sent = Assert.Single(await outbox.ListAsync(OutboxStatus.Sent, 10, CancellationToken.None));
        Assert.Equal((2, Now), (sent.Attempts, sent.SentAt));
        var failed = Assert.Single(await outbox.ListAsync(OutboxStatus.Failed, 10, CancellationToken.None));
        Assert.Equal("slack: HTTP 404", failed.LastError);
    }

    [Fact]
    public async Task TheLatestIncidentOfASourceIsItsNewestEntry()
    {
        using var outbox = SqliteAlertOutbox.Open(StorePath, _time);
        await outbox.EnqueueAsync([Entry("email"), Entry("email", "update", lastHour: Hour.AddHours(1)), Entry("email", "resolved", lastHour: Hour.AddHours(1))], CancellationToken.None);
        await outbox.EnqueueAsync([Entry("email") with { Source = "other", IncidentId = "x" }], CancellationToken.None);

        var incident = await outbox.GetLatestIncidentAsync("src", CancellationToken.None);

        Assert.Equal(new OutboxIncident("2025031410-abcdef", "src", Hour, Hour.AddHours(1), Resolved: true), incident);
        Assert.Null(await outbox.GetLatestIncidentAsync("unknown", CancellationToken.None));
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private DateTime Now => _time.GetUtcNow().UtcDateTime;

    private static OutboxEntry Entry(string channel, string kind = "new", DateTime? lastHour = null) =>
        new(channel, "src", "2025031410-abcdef", kind, Hour, lastHour ?? Hour, "{\"alert\":1}");
}
