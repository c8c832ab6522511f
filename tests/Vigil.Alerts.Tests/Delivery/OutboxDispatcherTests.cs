using Microsoft.Extensions.Time.Testing;
using Vigil.Alerts.Channels.Email;
using Vigil.Alerts.Channels.Webhook;
using Vigil.Alerts.Delivery;
using Vigil.Alerts.Incidents;
using Vigil.Alerts.Tests.Support;
using Vigil.Core.Windows;
using Vigil.Storage;
using Vigil.Storage.Outbox;

namespace Vigil.Alerts.Tests.Delivery;

public sealed class OutboxDispatcherTests(SmtpFixture smtp) : IClassFixture<SmtpFixture>, IDisposable
{
    private static readonly OutboxRetryOptions Rounds = new() { MaxAttempts = 3, BaseDelay = TimeSpan.FromMinutes(1), MaxDelay = TimeSpan.FromMinutes(10) };

    private readonly string _directory = TempDirectory.Create("vigil-dispatch");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 3, 14, 12, 5, 0, TimeSpan.Zero));

    private string StorePath => Path.Combine(_directory, "vigil.db");

    [Fact]
    public async Task AnEmailQueuedWhileTheServerIsDownArrivesOnceWhenItComesBack()
    {
        var port = FreePort.Next();
        using var outbox = SqliteAlertOutbox.Open(StorePath, _time);
        await outbox.EnqueueAsync(Entries("email"), CancellationToken.None);
        var dispatcher = Dispatcher(outbox, new SmtpAlertChannel(PlainEmail(port), Some.FastRetry));

        var whileDown = await dispatcher.DispatchAsync(CancellationToken.None);
        using var server = SmtpTestServer.Start("plain", port: port);
        var beforeBackoff = await dispatcher.DispatchAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(1));
        var afterBackoff = await dispatcher.DispatchAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromHours(1));
        var later = await dispatcher.DispatchAsync(CancellationToken.None);

        Assert.Equal((0, 1), (whileDown.Sent, whileDown.Retrying));
        Assert.Contains("cannot connect", whileDown.Errors[0], StringComparison.Ordinal);
        Assert.Equal(0, beforeBackoff.Sent + beforeBackoff.Retrying);
        Assert.Equal(1, afterBackoff.Sent);
        Assert.Equal(0, later.Sent + later.Retrying + later.Failed);
        var mail = Assert.Single(server.Messages());
        Assert.Contains("2025-03-14 10:00:00", mail.Message.TextBody, StringComparison.Ordinal);
        var sent = Assert.Single(await outbox.ListAsync(OutboxStatus.Sent, 10, CancellationToken.None));
        Assert.Equal(2, sent.Attempts);
    }

    [Fact]
    public async Task AWebhookThatIsDownAndComesBackGetsTheAlertExactlyOnce()
    {
        var port = FreePort.Next();
        using var outbox = SqliteAlertOutbox.Open(StorePath, _time);
        await outbox.EnqueueAsync(Entries("webhook"), CancellationToken.None);
        using var http = DeliveryPipelines.HttpClient(Some.FastRetry);
        var dispatcher = Dispatcher(outbox, new WebhookAlertChannel(new WebhookOptions($"http://127.0.0.1:{port}/hook", "s"), http));

        var whileDown = await dispatcher.DispatchAsync(CancellationToken.None);
        await using var server = await HttpTestServer.StartAsync(port);
        _time.Advance(TimeSpan.FromMinutes(1));
        var afterBackoff = await dispatcher.DispatchAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromHours(1));
        await dispatcher.DispatchAsync(CancellationToken.None);

        Assert.Equal(1, whileDown.Retrying);
        Assert.Equal(1, afterBackoff.Sent);
        Assert.Single(server.Received);
    }

    [Fact]
    public async Task AWrongPasswordMarksTheEntryFailedWithTheAuthenticationReason()
    {
        var server = smtp.StartTls;
        server.Clear();
        using var outbox = SqliteAlertOutbox.Open(StorePath, _time);
        await outbox.EnqueueAsync(Entries("email"), CancellationToken.None);
        const string wrong = "not-the-Pa55word";
        var options = new EmailOptions("127.0.0.1", server.Port, SmtpTestServer.User, wrong, "ops@example.test", SmtpSecurity.StartTls)
        {
            ServerCertificateValidation = smtp.Certificate.AcceptOnlyThis,
        };

        var report = await Dispatcher(outbox, new SmtpAlertChannel(options, Some.FastRetry)).DispatchAsync(CancellationToken.None);

        Assert.Equal(1, report.Failed);
        var failed = Assert.Single(await outbox.ListAsync(OutboxStatus.Failed, 10, CancellationToken.None));
        Assert.Contains("authentication as vigil@example.test rejected", failed.LastError, StringComparison.Ordinal);
        Assert.DoesNotContain(wrong, failed.LastError, StringComparison.Ordinal);
        Assert.Empty(server.Messages());
    }

    [Fact]
    public async Task AlertsCommittedWithARunAreDeliveredByTheNextProcessOnce()
    {
        await using var server = await HttpTestServer.StartAsync();
        using (var store = SqliteEventStore.Open(StorePath))
        {
            var runId = await store.StartRunAsync("detect", "src", new HourRange(Some.Day, Some.Day.AddHours(12)), CancellationToken.None);
            await store.FinishRunAsync(runId, new RunOutcome(true, 100, 2, 1, "ok"), new RunVerdicts("src", "test", [Some.Normal(9), Some.Anomaly(10)]), Entries("webhook"), CancellationToken.None);
        }

        using var outbox = SqliteAlertOutbox.Open(StorePath, _time);
        using var http = DeliveryPipelines.HttpClient(Some.FastRetry);
        var dispatcher = Dispatcher(outbox, new WebhookAlertChannel(new WebhookOptions(server.BaseUrl + "/hook"), http));

        var first = await dispatcher.DispatchAsync(CancellationToken.None);
        var second = await dispatcher.DispatchAsync(CancellationToken.None);

        Assert.Equal((1, 0), (first.Sent, second.Sent));
        Assert.Contains("\"hour_timestamp\":\"2025-03-14 10:00:00\"", Assert.Single(server.Received).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADownChannelNeitherStopsTheOthersNorOutlivesItsAttempts()
    {
        await using var server = await HttpTestServer.StartAsync();
        using var outbox = SqliteAlertOutbox.Open(StorePath, _time);
        await outbox.EnqueueAsync(Entries("email", "webhook"), CancellationToken.None);
        using var http = DeliveryPipelines.HttpClient(Some.FastRetry);
        var dispatcher = Dispatcher(
            outbox,
            new SmtpAlertChannel(PlainEmail(FreePort.Next()), Some.FastRetry),
            new WebhookAlertChannel(new WebhookOptions(server.BaseUrl + "/hook"), http));

        var reports = new List<DispatchReport>();
        for (var round = 0; round < Rounds.MaxAttempts; round++)
        {
            reports.Add(await dispatcher.DispatchAsync(CancellationToken.None));
            _time.Advance(Rounds.MaxDelay);
        }

        Assert.Equal([1, 0, 0], reports.Select(r => r.Sent));
        Assert.Equal([1, 1, 0], reports.Select(r => r.Retrying));
        Assert.Equal(1, reports[^1].Failed);
        var failed = Assert.Single(await outbox.ListAsync(OutboxStatus.Failed, 10, CancellationToken.None));
        Assert.Equal(("email", 3), (failed.Channel, failed.Attempts));
        Assert.Single(server.Received);
    }

    [Fact]
    public async Task AnEntryForAChannelThatIsNoLongerEnabledFailsSayingSo()
    {
        using var outbox = SqliteAlertOutbox.Open(StorePath, _time);
        await outbox.EnqueueAsync(Entries("slack"), CancellationToken.None);

        var report = await Dispatcher(outbox).DispatchAsync(CancellationToken.None);

        Assert.Equal(1, report.Failed);
        Assert.Equal("channel 'slack' is not enabled", Assert.Single(await outbox.ListAsync(OutboxStatus.Failed, 10, CancellationToken.None)).LastError);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static EmailOptions PlainEmail(int port) =>
        new("127.0.0.1", port, "vigil@example.test", Password: null, "ops@example.test", SmtpSecurity.None);

    private static IReadOnlyList<OutboxEntry> Entries(params string[] channels) =>
        OutboxPlanner.Entries("src", "web-01", IncidentPlanner.Plan("src", [Some.Normal(9), Some.Anomaly(10)], last: null, new AlertPolicy()).Alerts, channels, Some.Day.AddHours(12), null);

    private OutboxDispatcher Dispatcher(IAlertOutbox outbox, params IAlertChannel[] channels) => new(outbox, channels, Rounds, _time);
}
