using System.Text.Json;

namespace Vigil.Collectors.Text.Files;

/// <summary>The text source's checkpoint: every file it has read, with the offset it has stored up to. A small JSON string.</summary>
internal sealed class TextCheckpoint
{
    /// <summary>Files no longer on disk are remembered a while, in case they come back compressed.</summary>
    private const int MaxRemembered = 64;

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    public int V { get; set; } = 1;

    public List<TrackedFile> Files { get; set; } = [];

    public static TextCheckpoint Parse(string? text, string sourceName)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return new TextCheckpoint();
        }

        try
        {
            return JsonSerializer.Deserialize<TextCheckpoint>(text, Json) ?? new TextCheckpoint();
        }
        catch (JsonException ex)
        {
            throw new SourceException($"{sourceName}: the stored checkpoint is not a text-source checkpoint ({ex.Message}).", ex);
        }
    }

    public string Serialize() => JsonSerializer.Serialize(this, Json);

    public void Forget(IReadOnlySet<TrackedFile> seen)
    {
        var excess = Files.Count - MaxRemembered;
        if (excess > 0)
        {
            Files.RemoveAll(f => !seen.Contains(f) && excess-- > 0);
        }
    }
}
