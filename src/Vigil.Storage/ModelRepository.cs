using System.Text.Json;
using Vigil.Core.Models;

namespace Vigil.Storage;

/// <summary>
/// Saves and loads the trained model as one JSON file under the models folder; a save replaces the file atomically.
/// Every saved model is also kept in <c>&lt;name&gt;.history/&lt;id&gt;.json</c> beside it (the newest
/// <see cref="KeptModels"/>), so <see cref="RollbackAsync"/> can bring a previous one back.
/// </summary>
public sealed class ModelRepository
{
    public const string DefaultFileName = "vigil-model.json";

    /// <summary>How many saved models the history keeps; older ones are deleted (their verdicts keep the id, score and reasons).</summary>
    public const int KeptModels = 10;

    public ModelRepository(string path) => Path = path;

    public string Path { get; }

    public bool Exists => File.Exists(Path);

    /// <summary>The folder holding this model's previous versions.</summary>
    public string HistoryDirectory => System.IO.Path.Combine(
        System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path))!,
        System.IO.Path.GetFileNameWithoutExtension(Path) + ".history");

    /// <summary>Makes <paramref name="model"/> the current model and keeps a copy in the history.</summary>
    public async Task SaveAsync(ModelDocument model, CancellationToken cancellationToken)
    {
        var content = ModelContent.Serialize(model);
        // The models folder first: creating the history folder would make it with the umask's mode, not 0700.
        PrivateFiles.CreateParent(Path);
        PrivateFiles.CreateDirectory(HistoryDirectory);
        await WriteAtomicallyAsync(HistoryFile(model.Id), content, cancellationToken).ConfigureAwait(false);
        await WriteAtomicallyAsync(Path, content, cancellationToken).ConfigureAwait(false);
        Prune();
    }

    /// <summary>Loads the model; null when there is none. Throws <see cref="ModelFormatException"/> when the file is not a readable model.</summary>
    public Task<ModelDocument?> LoadAsync(CancellationToken cancellationToken) =>
        Exists ? ReadAsync(Path, cancellationToken) : Task.FromResult<ModelDocument?>(null);

    /// <summary>The saved models, newest training first (the current one included, also when it predates the history).</summary>
    public async Task<IReadOnlyList<SavedModel>> ListAsync(CancellationToken cancellationToken)
    {
        var current = Exists ? await ReadAsync(Path, cancellationToken).ConfigureAwait(false) : null;
        var models = new Dictionary<string, ModelDocument>(StringComparer.Ordinal);
        if (current is not null)
        {
            models[current.Id] = current;
        }

        foreach (var file in HistoryFiles())
        {
            var id = System.IO.Path.GetFileNameWithoutExtension(file);
            if (!models.ContainsKey(id) && await TryReadAsync(file, cancellationToken).ConfigureAwait(false) is { } model)
            {
                models[model.Id] = model;
            }
        }

        return [.. models.Values
            .OrderByDescending(m => m.TrainedAt)
            .ThenBy(m => m.Id, StringComparer.Ordinal)
            .Select(m => new SavedModel(m.Id, m.Kind, m.TrainedAt, m.TrainingFrom, m.TrainingTo, m.TrainingHours, m.Source, m.Id == current?.Id))];
    }

    /// <summary>
    /// Makes a kept model current again: the one named by <paramref name="id"/>, or (null) the newest one trained
    /// before the current model. Returns it; throws <see cref="ModelHistoryException"/> when there is none.
    /// </summary>
    public async Task<ModelDocument> RollbackAsync(string? id, CancellationToken cancellationToken)
    {
        var models = await ListAsync(cancellationToken).ConfigureAwait(false);
        var current = models.FirstOrDefault(m => m.IsCurrent);
        SavedModel? target;
        if (id is not null)
        {
            target = models.FirstOrDefault(m => string.Equals(m.Id, id.Trim(), StringComparison.OrdinalIgnoreCase))
                ?? throw new ModelHistoryException($"there is no kept model '{id}'; 'vigil model list' shows the ids");
        }
        else
        {
            target = current is null
                ? throw new ModelHistoryException("there is no current model to roll back from; run 'vigil setup' first")
                : models.FirstOrDefault(m => !m.IsCurrent && m.TrainedAt < current.TrainedAt)
                    ?? throw new ModelHistoryException($"there is no model older than the current one ({current.Id}); 'vigil model list' shows what is kept");
        }

        var file = HistoryFile(target.Id);
        var document = File.Exists(file)
            ? await ReadAsync(file, cancellationToken).ConfigureAwait(false)
            : await LoadAsync(cancellationToken).ConfigureAwait(false);
        await WriteAtomicallyAsync(Path, ModelContent.Serialize(document!), cancellationToken).ConfigureAwait(false);
        return document!;
    }

    private string HistoryFile(string id) => System.IO.Path.Combine(HistoryDirectory, id + ".json");

    private IEnumerable<string> HistoryFiles() =>
        Directory.Exists(HistoryDirectory) ? Directory.EnumerateFiles(HistoryDirectory, "*.json") : [];

    /// <summary>Keeps the newest <see cref="KeptModels"/> files by when they were written (a rollback does not rewrite them).</summary>
    private void Prune()
    {
        foreach (var old in HistoryFiles().Select(f => new FileInfo(f)).OrderByDescending(f => f.LastWriteTimeUtc).ThenByDescending(f => f.Name, StringComparer.Ordinal).Skip(KeptModels))
        {
            old.Delete();
        }
    }

    private static async Task WriteAtomicallyAsync(string path, byte[] content, CancellationToken cancellationToken)
    {
        PrivateFiles.CreateParent(path);
        var temporary = path + ".tmp";
        File.Delete(temporary);
        await using (var stream = new FileStream(temporary, PrivateFiles.Options(FileMode.CreateNew, FileAccess.Write)))
        {
            await stream.WriteAsync(content, cancellationToken).ConfigureAwait(false);
        }

        File.Move(temporary, path, overwrite: true);
    }

    private static async Task<ModelDocument?> TryReadAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            return await ReadAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (ModelFormatException)
        {
            // A kept model of an older format cannot be rolled back to; it is simply not listed.
            return null;
        }
    }

    private static async Task<ModelDocument?> ReadAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            await using var stream = File.OpenRead(path);
            using var json = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false);
            // Check the version before the shape: another version may have other fields.
            var version = json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty(nameof(ModelDocument.FormatVersion), out var v) && v.TryGetInt32(out var n) ? n : 0;
            if (version != ModelDocument.CurrentFormatVersion)
            {
                throw new ModelFormatException($"{path}: model format version {version} is not supported by this Vigil (it reads version {ModelDocument.CurrentFormatVersion}); run 'vigil setup' to train a new model");
            }

            return json.Deserialize<ModelDocument>(ModelContent.Options)
                ?? throw new ModelFormatException($"{path}: the model file is empty; run 'vigil setup' to train a new model");
        }
        catch (JsonException ex)
        {
            throw new ModelFormatException($"{path}: the model file is damaged or not a Vigil model ({ex.Message.Split('.')[0]}); run 'vigil setup' to train a new model");
        }
    }
}
