using Google.Protobuf.Collections;
using OpenTelemetry.Proto.Common.V1;

namespace Vigil.Otlp.Mapping;

/// <summary>Looks a key up in OTLP attribute lists (the first match wins, as keys are meant to be unique).</summary>
internal static class Attributes
{
    public static AnyValue? Find(RepeatedField<KeyValue>? attributes, string key)
    {
        if (attributes is null)
        {
            return null;
        }

        foreach (var pair in attributes)
        {
            if (pair.Key == key)
            {
                return pair.Value;
            }
        }

        return null;
    }

    /// <summary>A non-empty scalar under <paramref name="key"/>, or null.</summary>
    public static string? Text(RepeatedField<KeyValue>? attributes, string key) =>
        AnyValueText.Scalar(Find(attributes, key)) is { Length: > 0 } text ? text : null;
}
