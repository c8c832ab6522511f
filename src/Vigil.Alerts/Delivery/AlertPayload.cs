using System.Text.Json;
using System.Text.Json.Serialization;

namespace Vigil.Alerts.Delivery;

/// <summary>The alert as stored in the outbox: plain System.Text.Json of the record, read back by the sender.</summary>
internal static class AlertPayload
{
    private static readonly JsonSerializerOptions Options = new()
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Serialize(Alert alert) => JsonSerializer.Serialize(alert, Options);

    public static Alert Deserialize(string json) =>
        JsonSerializer.Deserialize<Alert>(json, Options) ?? throw new JsonException("the payload is null");
}
