using Vigil.Core.Detection;
using Vigil.Core.Windows;
using Vigil.Storage;

namespace Vigil.Storage.Tests.Contract;

/// <summary>The audit trail: each model's verdict on an hour is kept; the newest run's is the hour's current verdict.</summary>
public abstract partial class EventStoreContract
{
    private static readonly DateTime Three = new(2026, 2, 17, 3, 0, 0, DateTimeKind.Utc);
    private static readonly HourRange Day = new(Three.AddHours(-3), Three.AddHours(21));

    private static HourDetection Verdict(double score, bool anomaly, string reason) =>
        new(new HourlySummary(Three, 113, 100, 13, 0), score, anomaly) { Threshold = -0.55, Reasons = [reason], Severity = anomaly ? AnomalySeverity.High : AnomalySeverity.None };

    private static async Task StoreVerdictAsync(IEventStore store, string model, HourDetection hour)
    {
        var run = await store.StartRunAsync("detect", "file:a", Day, CancellationToken.None);
        await store.FinishRunAsync(run, new RunOutcome(true, 113, 1, hour.IsAnomaly ? 1 : 0, "ok"), new RunVerdicts("file:a", model, [hour]), [], CancellationToken.None);
    }

    [Fact]
    public async Task AnotherModelScoringAnHourKeepsTheFirstModelsVerdictAsItWas()
    {
        using var store = Open();
        await StoreVerdictAsync(store, "vigil-aaaa", Verdict(-0.61, true, "113 errors, usually ~0.6 at this hour"));
        await StoreVerdictAsync(store, "vigil-bbbb", Verdict(-0.42, false, "noted: nothing"));

        var current = Assert.Single(await store.GetVerdictsAsync("file:a", Day, CancellationToken.None));
        var history = await store.GetVerdictHistoryAsync("file:a", Day, CancellationToken.None);

        Assert.Equal(("vigil-bbbb", false), (current.ModelId, current.Hour.IsAnomaly));
        Assert.Equal(["vigil-aaaa", "vigil-bbbb"], history.Select(v => v.ModelId));
        var paged = history[0].Hour;
        Assert.Equal((-0.61, -0.55, true, AnomalySeverity.High), (paged.AnomalyScore, paged.Threshold, paged.IsAnomaly, paged.Severity));
        Assert.Equal(["113 errors, usually ~0.6 at this hour"], paged.Reasons);
    }

    [Fact]
    public async Task TheSameModelScoringAnHourAgainReplacesItsOwnVerdict()
    {
        using var store = Open();
        await StoreVerdictAsync(store, "vigil-aaaa", Verdict(-0.61, true, "first"));
        await StoreVerdictAsync(store, "vigil-bbbb", Verdict(-0.42, false, "other model"));
        await StoreVerdictAsync(store, "vigil-aaaa", Verdict(-0.63, true, "again, with late events"));

        var history = await store.GetVerdictHistoryAsync("file:a", Day, CancellationToken.None);
        var current = Assert.Single(await store.GetVerdictsAsync("file:a", Day, CancellationToken.None));

        Assert.Equal(["vigil-bbbb", "vigil-aaaa"], history.Select(v => v.ModelId));
        Assert.Equal(["again, with late events"], current.Hour.Reasons);
    }
}
