using System.Text.Json;
using Vigil.Core.Models;

namespace Vigil.Storage;

/// <summary>Saves and loads the trained model as one JSON file under the models folder; a save replaces the file atomically.</summary>
public sealed class ModelRepository
{
    public const string DefaultFileName = "vigil-model.json";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    public ModelRepository(string path) => Path = path;

    public string Path { get; }

    public bool Exists => File.Exists(Path);

    public async Task SaveAsync(ModelDocument model, CancellationToken cancellationToken)
    {
        var directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path))!;
        PrivateFiles.CreateDirectory(directory);
        var temporary = Path + ".tmp";
        File.Delete(temporary);
        await using (var stream = new FileStream(temporary, PrivateFiles.Options(FileMode.CreateNew, FileAccess.Write)))
        {
            await JsonSerializer.SerializeAsync(stream, model, Json, cancellationToken).ConfigureAwait(false);
        }

        File.Move(temporary, Path, overwrite: true);
    }

    /// <summary>Loads the model; null when there is none. Throws <see cref="ModelFormatException"/> when the file is not a readable model.</summary>
    public async Task<ModelDocument?> LoadAsync(CancellationToken cancellationToken)
    {
        if (!Exists)
        {
            return null;
        }

        try
        {
            await using var stream = File.OpenRead(Path);
            using var json = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false);
            // Check the version before the shape: another version may have other fields.
            var version = json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty(nameof(ModelDocument.FormatVersion), out var v) && v.TryGetInt32(out var n) ? n : 0;
            if (version != ModelDocument.CurrentFormatVersion)
            {
                throw new ModelFormatException($"{Path}: model format version {version} is not supported by this Vigil (it reads version {ModelDocument.CurrentFormatVersion}); run 'vigil setup' to train a new model");
            }

            return json.Deserialize<ModelDocument>(Json)
                ?? throw new ModelFormatException($"{Path}: the model file is empty; run 'vigil setup' to train a new model");
        }
        catch (JsonException ex)
        {
            throw new ModelFormatException($"{Path}: the model file is damaged or not a Vigil model ({ex.Message.Split('.')[0]}); run 'vigil setup' to train a new model");
        }
    }
}
