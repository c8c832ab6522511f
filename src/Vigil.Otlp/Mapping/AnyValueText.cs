using System.Globalization;
using System.Text;
using System.Text.Json;
using OpenTelemetry.Proto.Common.V1;

namespace Vigil.Otlp.Mapping;

/// <summary>
/// Renders an OTLP value as the text Vigil stores: a string as itself, scalars invariantly, arrays and maps as compact
/// JSON (so a structured body is still one readable line), bytes as base64.
/// </summary>
internal static class AnyValueText
{
    public static string? Render(AnyValue? value)
    {
        if (value is null)
        {
            return null;
        }

        switch (value.ValueCase)
        {
            case AnyValue.ValueOneofCase.None:
                return null;
            case AnyValue.ValueOneofCase.StringValue:
                return value.StringValue;
            default:
                using (var buffer = new MemoryStream())
                {
                    using (var writer = new Utf8JsonWriter(buffer))
                    {
                        Write(writer, value);
                    }

                    return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
                }
        }
    }

    /// <summary>A scalar as text (for ids and names), null for maps, arrays and empty values.</summary>
    public static string? Scalar(AnyValue? value) => value?.ValueCase switch
    {
        AnyValue.ValueOneofCase.StringValue => value.StringValue,
        AnyValue.ValueOneofCase.IntValue => value.IntValue.ToString(CultureInfo.InvariantCulture),
        AnyValue.ValueOneofCase.DoubleValue => value.DoubleValue.ToString("R", CultureInfo.InvariantCulture),
        AnyValue.ValueOneofCase.BoolValue => value.BoolValue ? "true" : "false",
        _ => null,
    };

    private static void Write(Utf8JsonWriter writer, AnyValue value)
    {
        switch (value.ValueCase)
        {
            case AnyValue.ValueOneofCase.StringValue:
                writer.WriteStringValue(value.StringValue);
                break;
            case AnyValue.ValueOneofCase.BoolValue:
                writer.WriteBooleanValue(value.BoolValue);
                break;
            case AnyValue.ValueOneofCase.IntValue:
                writer.WriteNumberValue(value.IntValue);
                break;
            case AnyValue.ValueOneofCase.DoubleValue when double.IsFinite(value.DoubleValue):
                writer.WriteNumberValue(value.DoubleValue);
                break;
            case AnyValue.ValueOneofCase.DoubleValue:
                writer.WriteStringValue(value.DoubleValue.ToString(CultureInfo.InvariantCulture));
                break;
            case AnyValue.ValueOneofCase.BytesValue:
                writer.WriteBase64StringValue(value.BytesValue.Span);
                break;
            case AnyValue.ValueOneofCase.ArrayValue:
                writer.WriteStartArray();
                foreach (var item in value.ArrayValue.Values)
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            case AnyValue.ValueOneofCase.KvlistValue:
                writer.WriteStartObject();
                foreach (var pair in value.KvlistValue.Values)
                {
                    writer.WritePropertyName(pair.Key);
                    if (pair.Value is null)
                    {
                        writer.WriteNullValue();
                    }
                    else
                    {
                        Write(writer, pair.Value);
                    }
                }

                writer.WriteEndObject();
                break;
            default:
                writer.WriteNullValue();
                break;
        }
    }
}
