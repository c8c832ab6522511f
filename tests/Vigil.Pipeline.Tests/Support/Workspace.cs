using Vigil.Collectors.Demo;
using Vigil.Collectors.Files;
using Vigil.Pipeline.Configuration;

namespace Vigil.Pipeline.Tests.Support;

/// <summary>A temporary data folder with its own SQLite store and models folder, and the demo week as a CSV file.</summary>
internal sealed class Workspace : IDisposable
{
    public Workspace(string model = "seed")
    {
        Dir = Directory.CreateTempSubdirectory("vigil-ws-").FullName;
        var defaults = ConfigLoader.Defaults();
        Config = defaults with
        {
            Detection = defaults.Detection with { Model = model },
            Vigil = defaults.Vigil with { DataDir = Path.Combine(Dir, "data"), ModelsDir = Path.Combine(Dir, "models"), Source = "file:" + DemoCsv },
        };
    }

    public string Dir { get; }

    public VigilConfig Config { get; set; }

    public string DemoCsv => Path.Combine(Dir, "demo-events.csv");

    public List<string> Warnings { get; } = [];

    /// <summary>The clock runs see; the real one unless a test sets it.</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    public async Task WriteDemoCsvAsync()
    {
        await using var writer = new StreamWriter(DemoCsv);
        await EventCsvWriter.WriteAsync(writer, DemoEvents.All(), CancellationToken.None);
    }

    public VigilContext Open() => new(Config, Clock);

    public async Task AppendToDemoCsvAsync(params string[] lines) => await File.AppendAllLinesAsync(DemoCsv, lines);

    public async Task<SetupResult> SetupAsync(RunRequest? request = null)
    {
        using var context = Open();
        return await new SetupService(context).RunAsync(request ?? new RunRequest(Now: DemoScenario.TrainingEnd), null, Warnings.Add, CancellationToken.None);
    }

    public async Task<DetectReport> DetectAsync(RunRequest? request = null)
    {
        using var context = Open();
        return await new DetectService(context).RunAsync(request ?? new RunRequest(Now: DemoScenario.End, Hours: 24), null, Warnings.Add, CancellationToken.None);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(Dir, recursive: true);
    }
}
