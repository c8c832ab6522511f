using System.Net;
using System.Net.Sockets;
using Vigil.Core.Detection;
using Vigil.Core.Windows;
using Vigil.Pipeline.Alerting;
using Vigil.Pipeline.Configuration;
using Vigil.Pipeline.Tests.Support;
using Vigil.Storage;
using Vigil.Storage.Outbox;

namespace Vigil.Pipeline.Tests.Alerting;

public sealed class AlertRunTests : IDisposable
{
    private static readonly DateTime Day = new(2026, 2, 16, 0, 0, 0, DateTimeKind.Utc);

    private readonly Workspace _workspace = new();

    public AlertRunTests()
    {
        var config = _workspace.Config;
        _workspace.Config = config with
        {
            Alerts = config.Alerts with { EnableWebhook = true },
            Webhook = new WebhookSettings("http://127.0.0.1:9/hook", "secret"),
        };
    }

    [Fact]
    public async Task AlertsCommittedWithARunAreNotPlannedAgainByTheNextRunOverTheSameHours()
    {
        HourDetection[] scored = [Hour(9, anomaly: false), Hour(10, anomaly: true), Hour(11, anomaly: true)];

        var first = await RunAsync(scored);
        var second = await RunAsync(scored);

        var entry = Assert.Single(first);
        Assert.Equal(("webhook", "new", Day.AddHours(10), Day.AddHours(11)), (entry.Channel, entry.Kind, entry.FirstHour, entry.LastHour));
        Assert.Empty(second);
        using var outbox = SqliteAlertOutbox.Open(_workspace.Config.Vigil.StorePath);
        Assert.Single(await outbox.ListAsync(OutboxStatus.Pending, 10, CancellationToken.None));
    }

    [Fact]
    public async Task AnIncidentNormalForTheCooldownIsResolvedOnceThroughTheOutbox()
    {
        await RunAsync([Hour(9, anomaly: false), Hour(10, anomaly: true), Hour(11, anomaly: true)]);
        var stillOpen = await RunAsync([Hour(11, anomaly: true), Hour(12, anomaly: false)]);
        var resolving = await RunAsync([Hour(12, anomaly: false), Hour(13, anomaly: false)]);
        var later = await RunAsync([Hour(13, anomaly: false), Hour(14, anomaly: false), Hour(15, anomaly: false)]);

        Assert.Empty(stillOpen);
        var resolved = Assert.Single(resolving);
        Assert.Equal(("resolved", Day.AddHours(10), Day.AddHours(11)), (resolved.Kind, resolved.FirstHour, resolved.LastHour));
        Assert.Empty(later);
        using var outbox = SqliteAlertOutbox.Open(_workspace.Config.Vigil.StorePath);
        var pending = await outbox.ListAsync(OutboxStatus.Pending, 10, CancellationToken.None);
        Assert.Equal(["resolved", "new"], pending.Select(e => e.Kind));
        Assert.Single(pending.Select(e => e.IncidentId).Distinct());
    }

    [Fact]
    public async Task NoResolvedMessageWhenSendResolvedIsOff()
    {
        _workspace.Config = _workspace.Config with { Alerts = _workspace.Config.Alerts with { SendResolved = false } };

        await RunAsync([Hour(10, anomaly: true)]);
        var resolving = await RunAsync([Hour(11, anomaly: false), Hour(12, anomaly: false), Hour(13, anomaly: false)]);

        Assert.Empty(resolving);
        using var outbox = SqliteAlertOutbox.Open(_workspace.Config.Vigil.StorePath);
        Assert.Equal(["new"], (await outbox.ListAsync(null, 10, CancellationToken.None)).Select(e => e.Kind));
    }

    [Fact]
    public async Task AFailedAlertIsSentAgainByRetryAndOnlyAFailedOne()
    {
        using var receiver = new HttpListener();
        var port = FreePort();
        receiver.Prefixes.Add($"http://127.0.0.1:{port}/");
        receiver.Start();
        _workspace.Config = _workspace.Config with { Webhook = new WebhookSettings($"http://127.0.0.1:{port}/hook", "secret") };
        var statuses = new Queue<int>([400, 200]);
        var received = 0;
        var serving = Task.Run(async () =>
        {
            while (statuses.Count > 0)
            {
                var request = await receiver.GetContextAsync();
                received++;
                request.Response.StatusCode = statuses.Dequeue();
                request.Response.Close();
            }
        });
        await RunAsync([Hour(10, anomaly: true)]);
        using var context = _workspace.Open();
        using var alerts = new AlertRun(context.Config, TimeProvider.System);
        var first = await alerts.DeliverAsync(CancellationToken.None);
        var failed = Assert.Single(await alerts.Outbox.ListAsync(OutboxStatus.Failed, 10, CancellationToken.None));

        var retried = await alerts.RetryAsync(failed.Id, CancellationToken.None);
        await serving.WaitAsync(TimeSpan.FromSeconds(30));
        var again = await Assert.ThrowsAsync<PipelineException>(() => alerts.RetryAsync(failed.Id, CancellationToken.None));
        var unknown = await Assert.ThrowsAsync<PipelineException>(() => alerts.RetryAsync(failed.Id + 100, CancellationToken.None));

        Assert.Equal((0, 1), (first.Sent, first.Failed));
        Assert.Equal((1, 0), (retried.Sent, retried.Failed));
        Assert.Equal(2, received);
        Assert.Equal(OutboxStatus.Sent, Assert.Single(await alerts.Outbox.ListAsync(null, 10, CancellationToken.None)).Status);
        Assert.Contains("is sent, not failed", again.Message);
        Assert.Contains($"there is no alert #{failed.Id + 100}", unknown.Message);
    }

    public void Dispose() => _workspace.Dispose();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task<IReadOnlyList<OutboxEntry>> RunAsync(IReadOnlyList<HourDetection> scored)
    {
        using var context = _workspace.Open();
        using var alerts = new AlertRun(context.Config, TimeProvider.System);
        var runId = await context.Store.StartRunAsync("detect", "src", new HourRange(Day, Day.AddDays(1)), CancellationToken.None);
        var planned = await alerts.PlanAsync("src", Environment.MachineName, scored, "vigil-test", CancellationToken.None);
        await context.Store.FinishRunAsync(runId, new RunOutcome(true, 0, scored.Count, 2, "ok"), new RunVerdicts("src", "test", scored), planned.Entries, CancellationToken.None);
        await alerts.RecordAsync(planned, CancellationToken.None);
        return planned.Entries;
    }

    private static HourDetection Hour(int hour, bool anomaly) =>
        new(new HourlySummary(Day.AddHours(hour), 100, anomaly ? 60 : 1, 0, anomaly ? 40 : 99), anomaly ? -0.2 : 0.1, anomaly);
}
