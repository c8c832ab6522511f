using System.IO.Hashing;
using Google.Protobuf;
using OpenTelemetry.Proto.Logs.V1;
using OpenTelemetry.Proto.Resource.V1;

namespace Vigil.Otlp.Mapping;

/// <summary>
/// The record key of an OTLP record that carries no identity of its own: a 128-bit hash of what the record says (its
/// time, severity, body, attributes, event name and its resource's attributes). A resend of the same batch reproduces
/// it byte for byte, so it stores once; whatever differs between two records (a nanosecond, one attribute) keeps them
/// apart. Two records identical in every field within one request are told apart by their occurrence index there
/// (<c>#2</c>, <c>#3</c> …), which a resend of that request reproduces too.
/// </summary>
internal static class RecordFingerprint
{
    public const string Prefix = "otlp:";

    public static string Of(LogRecord record, ulong timeUnixNano, Resource? resource)
    {
        // Only the fields that describe the event: flags, trace ids and the observed time are delivery details.
        var canonical = new LogRecord
        {
            TimeUnixNano = timeUnixNano,
            SeverityNumber = record.SeverityNumber,
            SeverityText = record.SeverityText,
            Body = record.Body,
            EventName = record.EventName,
        };
        canonical.Attributes.Add(record.Attributes);

        var hash = new XxHash128();
        hash.Append(canonical.ToByteArray());
        if (resource is not null)
        {
            var attributes = new Resource();
            attributes.Attributes.Add(resource.Attributes);
            hash.Append(attributes.ToByteArray());
        }

        return Prefix + Convert.ToHexStringLower(hash.GetCurrentHash());
    }
}
