using Vigil.Collectors.Demo;
using Vigil.Pipeline.Tests.Support;
using Vigil.Storage;

namespace Vigil.Pipeline.Tests;

public sealed class TrainingCoverageTests : IDisposable
{
    private readonly Workspace _workspace = new("vigil");

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task AWeekWithOneDayOfEventsIsRefusedNamingTheCountsTheKeyAndForce()
    {
        await _workspace.WriteDemoCsvAsync();

        // The week ending one day after the demo's first day holds 24 hours with events, 144 without.
        var error = await Assert.ThrowsAsync<SparseTrainingException>(() => _workspace.SetupAsync(new RunRequest(Now: DemoScenario.Start.AddDays(1))));

        Assert.StartsWith("Only 24 of 168 training hours", error.Message);
        Assert.Contains("at least 48", error.Message);
        Assert.Contains("[detection] min_training_hours", error.Message);
        Assert.Contains("--force", error.Message);
        Assert.IsAssignableFrom<Vigil.Core.OperatorException>(error);
        Assert.False(File.Exists(_workspace.Config.Vigil.ModelPath));
        using var context = _workspace.Open();
        var run = (await context.Store.GetRunsAsync(1, CancellationToken.None))[0];
        Assert.Equal(("setup", false), (run.Kind, run.Outcome!.Succeeded));
    }

    [Fact]
    public async Task ForceTrainsOnASparseWeekAndSaysHowSparseItWas()
    {
        await _workspace.WriteDemoCsvAsync();

        var setup = await _workspace.SetupAsync(new RunRequest(Now: DemoScenario.Start.AddDays(1), Force: true));

        Assert.Equal(24, setup.HoursWithEvents);
        Assert.Contains(_workspace.Warnings, w => w.Contains("only 24 of 168 hours have events", StringComparison.Ordinal));
        Assert.True(File.Exists(_workspace.Config.Vigil.ModelPath));
    }

    [Fact]
    public async Task AFullWeekReportsEveryHourWithEvents()
    {
        await _workspace.WriteDemoCsvAsync();

        var setup = await _workspace.SetupAsync();

        Assert.Equal(168, setup.HoursWithEvents);
    }

    [Fact]
    public async Task DetectSaysWhenItScoresHoursTheModelWasTrainedOn()
    {
        await _workspace.WriteDemoCsvAsync();
        await _workspace.SetupAsync();

        await _workspace.DetectAsync(new RunRequest(Now: DemoScenario.TrainingEnd.AddHours(6), Hours: 24));

        Assert.Contains(_workspace.Warnings, w => w.StartsWith("18 of the 24 hours scored", StringComparison.Ordinal) && w.Contains("training range", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DetectWithAModelOfAnotherKindThanConfiguredSaysSo()
    {
        await _workspace.WriteDemoCsvAsync();
        await _workspace.SetupAsync();
        _workspace.Config = _workspace.Config with { Detection = _workspace.Config.Detection with { Model = "seed" } };

        var report = await _workspace.DetectAsync();

        Assert.Equal("vigil", report.Model.Kind);
        Assert.Contains(_workspace.Warnings, w => w.Contains("holds a vigil model but [detection] model = seed", StringComparison.Ordinal));
    }
}
