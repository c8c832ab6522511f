using System.Text.Json;
using Vigil.Core.Detection;

namespace Vigil.Storage;

/// <summary>
/// A verdict's reasons and details in the one <c>reasons</c> column of both engines: a JSON array of the reasons while
/// there are no details (the form every store held before details existed), else <c>{"reasons": [...], "details": [...]}</c>.
/// Reading takes either, so old rows keep their reasons and no migration is needed.
/// </summary>
public static class VerdictReasons
{
    public static string Serialize(HourDetection hour) =>
        hour.Details.Count == 0
            ? JsonSerializer.Serialize(hour.Reasons)
            : JsonSerializer.Serialize(new Stored(hour.Reasons, hour.Details));

    public static (IReadOnlyList<string> Reasons, IReadOnlyList<string> Details) Parse(string json)
    {
        if (json.AsSpan().TrimStart().StartsWith("{"))
        {
            var stored = JsonSerializer.Deserialize<Stored>(json);
            return (stored?.Reasons ?? [], stored?.Details ?? []);
        }

        return (JsonSerializer.Deserialize<string[]>(json) ?? [], []);
    }

    private sealed record Stored(
        [property: System.Text.Json.Serialization.JsonPropertyName("reasons")] IReadOnlyList<string> Reasons,
        [property: System.Text.Json.Serialization.JsonPropertyName("details")] IReadOnlyList<string> Details);
}
