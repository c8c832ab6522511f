using System.Text.Json;

namespace Vigil.Pipeline.Contracts;

/// <summary>
/// The one JSON shape of everything Vigil prints or serves (<c>--json</c> output and API bodies): snake_case keys, as
/// the original tool's <c>hour_timestamp</c>/<c>error_count</c>, whatever a type's C# property names are.
/// </summary>
public static class ContractJson
{
    /// <summary>Indented, for <c>--json</c> on a terminal or in a file.</summary>
    public static JsonSerializerOptions Options { get; } = Apply(new JsonSerializerOptions { WriteIndented = true });

    /// <summary>Sets the shared conventions on options someone else owns (ASP.NET Core's HTTP JSON options).</summary>
    public static JsonSerializerOptions Apply(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        return options;
    }
}
