using Vigil.Collectors.Demo;
using Vigil.Core.Detection;
using Vigil.Core.Windows;
using Vigil.Pipeline.Tests.Support;
using Vigil.Storage;

namespace Vigil.Pipeline.Tests;

/// <summary>Why did this page: every verdict keeps the model that decided it, with its score, threshold and reasons, across retrains.</summary>
public sealed class AuditTrailTests : IDisposable
{
    private static readonly HourRange Day = new(DemoScenario.End.AddDays(-1), DemoScenario.End);
    private readonly Workspace _workspace = new(model: "vigil");

    public void Dispose() => _workspace.Dispose();

    private async Task<(IReadOnlyList<StoredVerdict> Current, IReadOnlyList<StoredVerdict> History)> StoredAsync(string sources)
    {
        using var context = _workspace.Open();
        var scope = new VerdictScope([sources]).Key;
        return (await context.Store.GetVerdictsAsync(scope, Day, CancellationToken.None), await context.Store.GetVerdictHistoryAsync(scope, Day, CancellationToken.None));
    }

    [Fact]
    public async Task VerdictsScoredBeforeARetrainKeepTheirModelIdAndScoreAfterIt()
    {
        await _workspace.WriteDemoCsvAsync();
        var first = await _workspace.SetupAsync();
        var report = await _workspace.DetectAsync();
        var (before, _) = await StoredAsync(report.Sources);

        _workspace.Config = _workspace.Config with { Detection = _workspace.Config.Detection with { RandomState = 7 } };
        var second = await _workspace.SetupAsync();
        await _workspace.DetectAsync();
        var (after, history) = await StoredAsync(report.Sources);

        Assert.NotEqual(first.Model.Id, second.Model.Id);
        Assert.Equal(24, before.Count);
        Assert.All(before, v => Assert.Equal(first.Model.Id, v.ModelId));
        Assert.All(after, v => Assert.Equal(second.Model.Id, v.ModelId));
        var kept = history.Where(v => v.ModelId == first.Model.Id).ToList();
        Assert.Equal(
            before.Select(v => (v.Hour.Summary.Hour, v.Hour.AnomalyScore, v.Hour.Threshold, v.Hour.IsAnomaly, string.Join("|", v.Hour.Reasons))),
            kept.Select(v => (v.Hour.Summary.Hour, v.Hour.AnomalyScore, v.Hour.Threshold, v.Hour.IsAnomaly, string.Join("|", v.Hour.Reasons))));
        var paged = Assert.Single(kept, v => v.Hour.Summary.Hour == DemoScenario.IncidentHours[0]).Hour;
        Assert.True(paged.IsAnomaly);
        Assert.NotNull(paged.Threshold);
        Assert.NotEmpty(paged.Reasons);
    }
}
