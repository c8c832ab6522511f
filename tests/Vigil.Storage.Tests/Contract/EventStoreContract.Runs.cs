using Vigil.Core.Detection;
using Vigil.Core.Windows;
using Vigil.Storage;
using Vigil.Storage.Outbox;

namespace Vigil.Storage.Tests.Contract;

/// <summary>Runs and the verdicts they store, per (scope, hour).</summary>
public abstract partial class EventStoreContract
{
    private static HourDetection Verdict(DateTime hour, int total, bool anomaly, params string[] reasons) =>
        new(new HourlySummary(hour, total, total / 2, 1, total - (total / 2) - 1), anomaly ? -0.31 : 0.12, anomaly)
        {
            Reasons = reasons,
            Details = anomaly && reasons.Length > 1 ? ["feature log_errors = 113 (+9.1 spreads from training)"] : [],
            Severity = anomaly ? AnomalySeverity.High : AnomalySeverity.None,
            Threshold = -0.2,
            Suppressed = total == 13,
        };

    [Fact]
    public async Task ARunIsRecordedFromStartToFinishNewestFirst()
    {
        using var store = Open();
        var range = new HourRange(Noon, Noon.AddHours(2));

        var setup = await store.StartRunAsync("setup", "file:a", range, CancellationToken.None);
        await store.FinishRunAsync(setup, new RunOutcome(true, 120, 2, 0, "trained"), null, [], CancellationToken.None);
        var detect = await store.StartRunAsync("detect", "file:a,file:b", range, CancellationToken.None);

        var runs = await store.GetRunsAsync(10, CancellationToken.None);

        Assert.Equal([detect, setup], runs.Select(r => r.Id));
        Assert.Null(runs[0].Outcome);
        Assert.Equal(("detect", "file:a,file:b", range), (runs[0].Kind, runs[0].Source, runs[0].Range));
        Assert.Equal(new RunOutcome(true, 120, 2, 0, "trained"), runs[1].Outcome);
        Assert.NotNull(runs[1].FinishedAt);
        Assert.Single(await store.GetRunsAsync(1, CancellationToken.None));
    }

    [Fact]
    public async Task VerdictsAreKeptPerScopeAndARescoreReplacesThem()
    {
        using var store = Open();
        var range = new HourRange(Noon, Noon.AddHours(3));
        var first = await store.StartRunAsync("detect", "file:a", range, CancellationToken.None);
        await store.FinishRunAsync(
            first,
            new RunOutcome(true, 30, 2, 1, "ok"),
            new RunVerdicts("file:a", "model-1", [Verdict(Noon, 10, false), Verdict(Noon.AddHours(1), 13, true, "113 errors, usually ~0.6 at this hour", "new kind")]),
            [],
            CancellationToken.None);
        var other = await store.StartRunAsync("detect", "file:b", range, CancellationToken.None);
        await store.FinishRunAsync(other, new RunOutcome(true, 5, 1, 0, "ok"), new RunVerdicts("file:b", "model-b", [Verdict(Noon, 5, false)]), [], CancellationToken.None);
        var again = await store.StartRunAsync("detect", "file:a", range, CancellationToken.None);
        await store.FinishRunAsync(again, new RunOutcome(true, 10, 1, 0, "ok"), new RunVerdicts("file:a", "model-2", [Verdict(Noon, 11, false)]), [], CancellationToken.None);

        var verdicts = await store.GetVerdictsAsync("file:a", range, CancellationToken.None);

        Assert.Equal([Noon, Noon.AddHours(1)], verdicts.Select(v => v.Hour.Summary.Hour));
        Assert.Equal((11, "model-2", again), (verdicts[0].Hour.Summary.TotalEvents, verdicts[0].ModelId, verdicts[0].RunId));
        var flagged = verdicts[1].Hour;
        Assert.Equal(new HourlySummary(Noon.AddHours(1), 13, 6, 1, 6), flagged.Summary);
        Assert.Equal((-0.31, true, AnomalySeverity.High, -0.2, true), (flagged.AnomalyScore, flagged.IsAnomaly, flagged.Severity, flagged.Threshold, flagged.Suppressed));
        Assert.Equal(["113 errors, usually ~0.6 at this hour", "new kind"], flagged.Reasons);
        Assert.Equal(["feature log_errors = 113 (+9.1 spreads from training)"], flagged.Details);
        Assert.Empty(verdicts[0].Hour.Details);
        Assert.Equal((first, "model-1"), (verdicts[1].RunId, verdicts[1].ModelId));
        Assert.Equal(5, Assert.Single(await store.GetVerdictsAsync("file:b", range, CancellationToken.None)).Hour.Summary.TotalEvents);
        Assert.Empty(await store.GetVerdictsAsync("file:a", new HourRange(Noon.AddHours(2), Noon.AddHours(3)), CancellationToken.None));
    }

    [Fact]
    public async Task TheAlertsOfARunAreQueuedWithItsVerdictsOncePerChannelAndIncident()
    {
        using var store = Open();
        var range = new HourRange(Noon, Noon.AddHours(1));
        var alert = new OutboxEntry("email", "file:a", "inc-1", "new", Noon, Noon, """{"text":"113 errors"}""");
        var run = await store.StartRunAsync("detect", "file:a", range, CancellationToken.None);
        await store.FinishRunAsync(run, new RunOutcome(true, 1, 1, 1, "ok"), new RunVerdicts("file:a", "m", [Verdict(Noon, 10, true)]), [alert, alert with { Channel = "slack" }], CancellationToken.None);
        var rerun = await store.StartRunAsync("detect", "file:a", range, CancellationToken.None);
        await store.FinishRunAsync(rerun, new RunOutcome(true, 1, 1, 1, "ok"), new RunVerdicts("file:a", "m", [Verdict(Noon, 10, true)]), [alert], CancellationToken.None);

        using var outbox = OpenOutbox();
        var due = await outbox.GetDueAsync(Noon.AddHours(5), 10, CancellationToken.None);

        Assert.Equal(["email", "slack"], due.Select(e => e.Channel).Order());
        Assert.All(due, e => Assert.Equal(("file:a", "inc-1", "new", """{"text":"113 errors"}""", OutboxStatus.Pending), (e.Source, e.IncidentId, e.Kind, e.Payload, e.Status)));
    }

    /// <summary>The alert outbox of the same stored data, as the sender opens it.</summary>
    protected abstract IAlertOutbox OpenOutbox();
}
