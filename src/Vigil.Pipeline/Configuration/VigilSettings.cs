namespace Vigil.Pipeline.Configuration;

/// <summary>Vigil's <c>[vigil]</c> section: where events come from and where state lives.</summary>
/// <param name="Source">Comma-separated source specs.</param>
/// <param name="DataDir">The folder of the store (vigil.db), data/raw and data/processed.</param>
/// <param name="ModelsDir">The folder of the trained model.</param>
/// <param name="MinLevel">The least severe level collected (Windows numbers: 1 Critical … 5 Verbose); LogAlways (0) is always kept.</param>
public sealed record VigilSettings(string Source, string DataDir, string ModelsDir, int MinLevel)
{
    /// <summary><c>[formats]</c>: a layout for a text file inference gets wrong, by file name or glob.</summary>
    public IReadOnlyDictionary<string, string> Formats { get; init; } = new Dictionary<string, string>();

    public string StorePath => Path.Combine(DataDir, "vigil.db");

    public string RawDir => Path.Combine(DataDir, "raw");

    public string ProcessedDir => Path.Combine(DataDir, "processed");

    public string ModelPath => Path.Combine(ModelsDir, Storage.ModelRepository.DefaultFileName);
}
