using System.Text.Encodings.Web;
using System.Text.Json;

namespace Vigil.Core.Templates;

/// <summary>
/// JSON settings for saved state and reports. Reflection rather than a source-generated context: the generator
/// sets every init-only property, so options missing from a saved file would become 0 instead of their defaults.
/// </summary>
internal static class TemplateStateJson
{
    // Relaxed escaping keeps "<*>" readable in saved state and in `vigil templates --json`.
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
