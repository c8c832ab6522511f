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
}
