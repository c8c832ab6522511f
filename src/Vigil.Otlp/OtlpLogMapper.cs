using System.Text;
using OpenTelemetry.Proto.Collector.Logs.V1;
using OpenTelemetry.Proto.Common.V1;
using Vigil.Core.Events;
using Vigil.Otlp.Mapping;
using Vigil.Otlp.Wire;

namespace Vigil.Otlp;

/// <summary>
/// Maps an OTLP logs export request to the events Vigil stores, one rule per field (README, "Receiving logs from a
/// fleet"). A record Vigil cannot place — no valid host, no time, an unusable source name — is refused and counted,
/// never stored under a guess; the rest of the request is still accepted. The request is read in its protobuf wire
/// form, field by field, without building a message per record (the JSON encoding is converted to it first), and the
/// names a fleet repeats (host, source, provider, channel, computer) become one string each per request.
/// </summary>
public static class OtlpLogMapper
{
    /// <summary>The source name of records that name no source of their own.</summary>
    public const string DefaultSource = "otlp";

    private const int MaxSourceLength = 200;
    private const int MaxRecordKeyLength = 1024;

    /// <summary>A parsed request (the JSON encoding's road), mapped by the same rules as the wire form.</summary>
    /// <param name="boundHost">The host the sender's ingest key is bound to, if it is (see <see cref="Map(byte[], string?)"/>).</param>
    public static OtlpBatch Map(ExportLogsServiceRequest request, string? boundHost = null) => Map(Google.Protobuf.MessageExtensions.ToByteArray(request), boundHost);

    /// <summary>An <c>ExportLogsServiceRequest</c> in protobuf.</summary>
    /// <param name="boundHost">
    /// The host the sender's ingest key is bound to, if it is: a record that names no host (no <c>host.name</c>, no
    /// Windows computer) is that host's, so a shipper with its own key needs no processor to set <c>host.name</c>.
    /// </param>
    /// <exception cref="OtlpFormatException">The body is not one.</exception>
    public static OtlpBatch Map(byte[] body, string? boundHost = null)
    {
        var request = new MappedRequest(body, boundHost);
        var reader = new ProtoReader(body, new ProtoSlice(0, body.Length));
        while (reader.Next(out var tag))
        {
            if (tag == ProtoReader.Tag(1, ProtoReader.Delimited))
            {
                MapResourceLogs(request, reader.ReadSlice());
            }
            else
            {
                reader.Skip(tag);
            }
        }

        return new OtlpBatch(request.Accepted, request.Rejected, request.FirstRejection);
    }

    private static void MapResourceLogs(MappedRequest request, ProtoSlice resourceLogs)
    {
        // A resource may follow its scopes on the wire: both are gathered before any record is mapped.
        var resourcePieces = new List<ProtoSlice>(1);
        var scopes = new List<ProtoSlice>();
        var reader = new ProtoReader(request.Body, resourceLogs);
        while (reader.Next(out var tag))
        {
            if (tag == ProtoReader.Tag(1, ProtoReader.Delimited))
            {
                resourcePieces.Add(reader.ReadSlice());
            }
            else if (tag == ProtoReader.Tag(2, ProtoReader.Delimited))
            {
                scopes.Add(reader.ReadSlice());
            }
            else
            {
                reader.Skip(tag);
            }
        }

        var resource = new WireResource(request.Body, resourcePieces, request.Strings);
        foreach (var scope in scopes)
        {
            MapScopeLogs(request, resource, scope);
        }
    }

    private static void MapScopeLogs(MappedRequest request, WireResource resource, ProtoSlice scopeLogs)
    {
        string? scopeName = null;
        var records = new List<ProtoSlice>();
        var reader = new ProtoReader(request.Body, scopeLogs);
        while (reader.Next(out var tag))
        {
            if (tag == ProtoReader.Tag(1, ProtoReader.Delimited))
            {
                scopeName = ScopeName(request, reader.ReadSlice()) ?? scopeName;
            }
            else if (tag == ProtoReader.Tag(2, ProtoReader.Delimited))
            {
                records.Add(reader.ReadSlice());
            }
            else
            {
                reader.Skip(tag);
            }
        }

        foreach (var slice in records)
        {
            request.Record.Read(slice);
            var mapped = MapRecord(request, request.Record, resource, scopeName, out var reason);
            if (mapped is null)
            {
                request.Rejected++;
                request.FirstRejection ??= reason;
                continue;
            }

            request.Accepted.Add(Deduplicate(mapped, request.Occurrences));
        }
    }

    /// <summary>The scope's name field (the last on the wire, as protobuf merges), or null when this piece has none.</summary>
    private static string? ScopeName(MappedRequest request, ProtoSlice scope)
    {
        string? name = null;
        var reader = new ProtoReader(request.Body, scope);
        while (reader.Next(out var tag))
        {
            if (tag == ProtoReader.Tag(1, ProtoReader.Delimited))
            {
                name = request.Strings.Get(reader.ReadSlice().Of(request.Body));
            }
            else
            {
                reader.Skip(tag);
            }
        }

        return name;
    }

    /// <summary>The same key twice in one request is the same record sent twice only if it carries its own identity.</summary>
    private static OtlpRecord Deduplicate(OtlpRecord record, Dictionary<(string, string), int> occurrences)
    {
        if (!record.Event.RecordKey.StartsWith(RecordFingerprint.Prefix, StringComparison.Ordinal))
        {
            return record;
        }

        var slot = (record.StoredSource, record.Event.RecordKey);
        var seen = occurrences.GetValueOrDefault(slot) + 1;
        occurrences[slot] = seen;
        return seen == 1 ? record : record with { Event = record.Event with { RecordKey = $"{record.Event.RecordKey}#{seen}" } };
    }

    private static OtlpRecord? MapRecord(MappedRequest request, WireLogRecord record, WireResource resource, string? scopeName, out string reason)
    {
        var attributes = record.Attributes;
        var strings = request.Strings;
        // A string body (almost every record) is read from the wire; any other is parsed and mapped by the one renderer.
        var structured = record.BodyInPieces || record.Body is { Case: not AnyValue.ValueOneofCase.StringValue and not AnyValue.ValueOneofCase.None }
            ? record.ParseBody()
            : null;
        var windows = WindowsEventBody.TryRead(structured);
        var hostName = resource.HostName ?? windows?.Computer ?? request.BoundHost;
        if (request.NormalHost(hostName) is not { } host)
        {
            reason = hostName is null
                ? "a log record has no resource attribute host.name; set it (the Collector's resourcedetection processor with the system detector does), or send with an ingest key bound to the host (KEY@HOST), so Vigil knows which host it came from"
                : "a log record's host.name is not a valid host name (letters, digits, '.', '-', '_'; at most 253)";
            return null;
        }

        var timeUnixNano = record.TimeUnixNano != 0 ? record.TimeUnixNano : record.ObservedTimeUnixNano;
        if (timeUnixNano == 0 || !UnixNanos.TryToDateTime(timeUnixNano, out var time))
        {
            reason = "a log record has neither time_unix_nano nor observed_time_unix_nano (or a time past year 9999)";
            return null;
        }

        var source = attributes.Text(WireKeys.Source, strings)
            ?? resource.Source
            ?? (windows is null ? DefaultSource : "eventlog:" + windows.Channel);
        if (!IsUsableName(source, MaxSourceLength))
        {
            reason = "a log record's vigil.source is empty, longer than 200 characters or holds control characters";
            return null;
        }

        var recordKey = attributes.Text(WireKeys.RecordKey, null);
        if (recordKey is not null && !IsUsableName(recordKey, MaxRecordKeyLength))
        {
            reason = "a log record's vigil.record_key is longer than 1024 characters or holds control characters";
            return null;
        }

        var severityText = record.SeverityText.Length > 0 ? strings.Get(record.SeverityText.Of(request.Body)) : windows?.Level;
        var channel = attributes.Text(WireKeys.Channel, strings) ?? windows?.Channel
            ?? attributes.Text(WireKeys.LogFileName, strings) ?? DefaultSource;
        var computer = attributes.Text(WireKeys.Computer, strings) ?? windows?.Computer ?? host;
        recordKey ??= windows?.RecordId is { } recordId
            ? WindowsRecordKey.Create(computer, windows.Channel, recordId, time)
            : RecordFingerprint.Of(record.Parse(), timeUnixNano, resource.Parse());

        var e = new LogEvent(
            time,
            OtlpSeverity.ToLevel(record.SeverityNumber, severityText),
            attributes.TryInt64(WireKeys.EventId, out var id) ? id : windows?.EventId ?? 0,
            ProviderOf(attributes, resource, scopeName, windows, strings),
            channel,
            computer,
            windows is not null ? windows.Message : structured is not null ? AnyValueText.Render(structured) : Message(request, record),
            recordKey);
        reason = string.Empty;
        return new OtlpRecord(host, request.StoredSource(host, source), e);
    }

    private static string? Message(MappedRequest request, WireLogRecord record) =>
        record.Body is { Case: AnyValue.ValueOneofCase.StringValue } body
            ? Encoding.UTF8.GetString(body.Text.Of(request.Body))
            : null;

    private static string ProviderOf(WireAttributes attributes, WireResource resource, string? scopeName, WindowsEventBody? windows, NamePool strings) =>
        attributes.Text(WireKeys.Provider, strings)
        ?? windows?.Provider
        ?? attributes.Text(WireKeys.ServiceName, strings)
        ?? resource.ServiceName
        ?? attributes.Text(WireKeys.LogFileName, strings)
        ?? (scopeName is { Length: > 0 } name ? name : DefaultSource);

    /// <summary>Not empty, not too long, no control character (char.IsControl's two ranges, searched without a delegate per char).</summary>
    private static bool IsUsableName(string name, int maxLength) =>
        name.Length is > 0 && name.Length <= maxLength && name.AsSpan().IndexOfAnyInRange('\0', '\x1f') < 0 && name.AsSpan().IndexOfAnyInRange('\x7f', '\x9f') < 0;
}
