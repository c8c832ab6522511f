using Vigil.Collectors.Demo;
using Vigil.Collectors.Files;
using Vigil.Pipeline;
using Vigil.Pipeline.Configuration;

namespace Vigil.Api.Tests.Support;

/// <summary>
/// The demo week as <c>vigil demo</c> prepares it, built once per test run: the CSV, a store trained on the first
/// 7 days (setup with now = training end) and the last day scored (detect with now = end, 24 hours). Servers copy
/// the store and model; the CSV is shared read-only (the store keys events by the source spec, i.e. this path).
/// </summary>
public static class DemoData
{
    private static readonly Lazy<Task<string>> Template = new(BuildAsync);

    public static string CsvPath => Path.Combine(Root, "raw", "demo-events.csv");

    public static string Source => "file:" + CsvPath;

    private static string Root { get; } = Path.Combine(Path.GetTempPath(), "vigil-api-tests", "demo-" + Environment.ProcessId);

    /// <summary>Writes the demo CSV (once) and returns its source spec, for servers that start with no model.</summary>
    public static async Task<string> EnsureCsvAsync()
    {
        await Template.Value.ConfigureAwait(false);
        return Source;
    }

    /// <summary>Copies the trained, scored store and model into <paramref name="dataDir"/> and <paramref name="modelsDir"/>.</summary>
    public static async Task CopyTrainedAsync(string dataDir, string modelsDir)
    {
        var root = await Template.Value.ConfigureAwait(false);
        Directory.CreateDirectory(dataDir);
        Directory.CreateDirectory(modelsDir);
        File.Copy(Path.Combine(root, "data", "vigil.db"), Path.Combine(dataDir, "vigil.db"));
        File.Copy(Path.Combine(root, "models", Storage.ModelRepository.DefaultFileName), Path.Combine(modelsDir, Storage.ModelRepository.DefaultFileName));
    }

    public static VigilConfig Config(string dataDir, string modelsDir)
    {
        var defaults = ConfigLoader.Defaults();
        return defaults with { Vigil = defaults.Vigil with { Source = Source, DataDir = dataDir, ModelsDir = modelsDir } };
    }

    private static async Task<string> BuildAsync()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(CsvPath)!);
        await using (var writer = new StreamWriter(CsvPath))
        {
            await EventCsvWriter.WriteAsync(writer, DemoEvents.All(), CancellationToken.None).ConfigureAwait(false);
        }

        using var context = new VigilContext(Config(Path.Combine(Root, "data"), Path.Combine(Root, "models")));
        await new SetupService(context).RunAsync(new RunRequest(Now: DemoScenario.TrainingEnd), null, _ => { }, CancellationToken.None).ConfigureAwait(false);
        await new DetectService(context).RunAsync(new RunRequest(Now: DemoScenario.End, Hours: 24), null, _ => { }, CancellationToken.None).ConfigureAwait(false);
        return Root;
    }
}
