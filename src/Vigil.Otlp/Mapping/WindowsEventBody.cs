using OpenTelemetry.Proto.Common.V1;

namespace Vigil.Otlp.Mapping;

/// <summary>
/// The body the OpenTelemetry Collector's <c>windowseventlog</c> receiver writes for one event (when <c>raw: false</c>):
/// a map with <c>event_id.id</c>, <c>provider.name</c>, <c>channel</c>, <c>computer</c>, <c>record_id</c>, <c>level</c>
/// and <c>message</c>, among others. A body is taken for one only when it has a channel, a provider and an event id,
/// so an arbitrary structured body that happens to have a <c>message</c> key is not mistaken for a Windows event.
/// </summary>
internal sealed record WindowsEventBody(long EventId, string Provider, string Channel, string? Computer, string? RecordId, string? Level, string? Message)
{
    public static WindowsEventBody? TryRead(AnyValue? body)
    {
        if (body?.ValueCase != AnyValue.ValueOneofCase.KvlistValue)
        {
            return null;
        }

        var map = body.KvlistValue.Values;
        var channel = Attributes.Text(map, "channel");
        var provider = Nested(map, "provider", "name");
        var eventId = Nested(map, "event_id", "id");
        if (channel is null || provider is null || !long.TryParse(eventId, out var id))
        {
            return null;
        }

        return new WindowsEventBody(
            id,
            provider,
            channel,
            Attributes.Text(map, "computer"),
            Attributes.Text(map, "record_id"),
            Attributes.Text(map, "level"),
            AnyValueText.Render(Attributes.Find(map, "message")));
    }

    private static string? Nested(Google.Protobuf.Collections.RepeatedField<KeyValue> map, string outer, string inner) =>
        Attributes.Find(map, outer) is { ValueCase: AnyValue.ValueOneofCase.KvlistValue } nested
            ? Attributes.Text(nested.KvlistValue.Values, inner)
            : null;
}
