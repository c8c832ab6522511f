using Vigil.Core.Events;
using Vigil.Core.Forest;
using Vigil.Core.Models;
using Vigil.Core.Windows;
using Vigil.Storage;

namespace Vigil.Storage.Tests;

public sealed class ModelRepositoryTests : IDisposable
{
    private static readonly DateTime Monday = new(2026, 3, 2, 0, 0, 0, DateTimeKind.Utc);

    private readonly string _dir = Directory.CreateTempSubdirectory("vigil-models-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static List<HourWindow> TwoDays()
    {
        var windows = new List<HourWindow>();
        for (var h = 0; h < 48; h++)
        {
            var w = new HourWindow(Monday.AddHours(h));
            for (var i = 0; i < 5 + (h % 7); i++)
            {
                w.Add(new LogEvent(w.Hour.AddMinutes(i), LevelMapping.Information, 7036 + (i % 3), "Service Control Manager", "System", "host", "m", $"{h}-{i}"));
            }

            windows.Add(w);
        }

        return windows;
    }

    [Fact]
    public async Task AVigilModelIsSavedAndLoadedWithItsKindsAndBaselines()
    {
        var repository = new ModelRepository(Path.Combine(_dir, "vigil-model.json"));
        var model = VigilModel.Train(TwoDays(), new IsolationForestOptions { NEstimators = 10 }, "test", Monday.AddDays(2));

        await repository.SaveAsync(model.Document, CancellationToken.None);
        var loaded = HourModels.Load((await repository.LoadAsync(CancellationToken.None))!, repository.Path);

        Assert.IsType<VigilModel>(loaded);
        Assert.Equal(model.Document.Vigil!.TopKinds, loaded.Document.Vigil!.TopKinds);
        Assert.Equal(model.Document.Vigil.Total.LogMean, loaded.Document.Vigil.Total.LogMean);
        Assert.Equal(model.Score(TwoDays(), 24).Select(h => h.AnomalyScore), loaded.Score(TwoDays(), 24).Select(h => h.AnomalyScore));
    }

    [Fact]
    public async Task ASeedModelStillLoadsAsASeedModel()
    {
        var repository = new ModelRepository(Path.Combine(_dir, "vigil-model.json"));
        var seed = SeedModel.Train([.. TwoDays().Select(w => w.Summary)], new IsolationForestOptions { NEstimators = 10 }, "test", Monday.AddDays(2));

        await repository.SaveAsync(seed.Document, CancellationToken.None);
        var loaded = HourModels.Load((await repository.LoadAsync(CancellationToken.None))!, repository.Path);

        Assert.IsType<SeedModel>(loaded);
        Assert.Null(loaded.Document.Vigil);
    }

    [Fact]
    public async Task TheModelIdIsTheContentHashOfTheSavedFileAndSurvivesLoading()
    {
        var repository = new ModelRepository(Path.Combine(_dir, "vigil-model.json"));
        var model = VigilModel.Train(TwoDays(), new IsolationForestOptions { NEstimators = 10 }, "test", Monday.AddDays(2));
        var other = VigilModel.Train(TwoDays(), new IsolationForestOptions { NEstimators = 10, RandomState = 7 }, "test", Monday.AddDays(2));

        await repository.SaveAsync(model.Document, CancellationToken.None);
        var loaded = (await repository.LoadAsync(CancellationToken.None))!;
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(await File.ReadAllBytesAsync(repository.Path)));

        Assert.Equal("vigil-" + hash[..16], model.Document.Id);
        Assert.Equal(model.Document.Id, loaded.Id);
        Assert.NotEqual(model.Document.Id, other.Document.Id);
        Assert.NotEqual(model.Document.Id, (model.Document with { Source = "elsewhere" }).Id);
    }

    [Fact]
    public async Task RollbackRestoresThePreviousModelAndListShowsEveryKeptOne()
    {
        var repository = new ModelRepository(Path.Combine(_dir, "vigil-model.json"));
        var first = VigilModel.Train(TwoDays(), new IsolationForestOptions { NEstimators = 10 }, "test", Monday.AddDays(2)).Document;
        var second = VigilModel.Train(TwoDays(), new IsolationForestOptions { NEstimators = 10, RandomState = 7 }, "test", Monday.AddDays(9)).Document;
        await repository.SaveAsync(first, CancellationToken.None);
        await repository.SaveAsync(second, CancellationToken.None);

        var before = await repository.ListAsync(CancellationToken.None);
        var restored = await repository.RollbackAsync(null, CancellationToken.None);
        var after = await repository.ListAsync(CancellationToken.None);

        Assert.Equal([(second.Id, true), (first.Id, false)], before.Select(m => (m.Id, m.IsCurrent)));
        Assert.Equal(first.Id, restored.Id);
        Assert.Equal(first.Id, (await repository.LoadAsync(CancellationToken.None))!.Id);
        Assert.Equal([(second.Id, false), (first.Id, true)], after.Select(m => (m.Id, m.IsCurrent)));
        var none = await Assert.ThrowsAsync<ModelHistoryException>(() => repository.RollbackAsync(null, CancellationToken.None));
        Assert.Contains("no model older than the current one", none.Message, StringComparison.Ordinal);
        Assert.Equal(second.Id, (await repository.RollbackAsync(second.Id, CancellationToken.None)).Id);
    }
}
