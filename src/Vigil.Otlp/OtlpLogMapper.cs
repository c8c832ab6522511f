using OpenTelemetry.Proto.Collector.Logs.V1;
using OpenTelemetry.Proto.Common.V1;
using OpenTelemetry.Proto.Logs.V1;
using OpenTelemetry.Proto.Resource.V1;
using Vigil.Core.Events;
using Vigil.Otlp.Mapping;

namespace Vigil.Otlp;

/// <summary>
/// Maps an OTLP logs export request to the events Vigil stores, one rule per field (README, "Receiving logs from a
/// fleet"). A record Vigil cannot place — no valid host, no time, an unusable source name — is refused and counted,
/// never stored under a guess; the rest of the request is still accepted.
/// </summary>
public static class OtlpLogMapper
{
    /// <summary>The source name of records that name no source of their own.</summary>
    public const string DefaultSource = "otlp";

    private const int MaxSourceLength = 200;
    private const int MaxRecordKeyLength = 1024;

    public static OtlpBatch Map(ExportLogsServiceRequest request)
    {
        var accepted = new List<OtlpRecord>();
        var occurrences = new Dictionary<(string, string), int>();
        long rejected = 0;
        string? firstRejection = null;
        foreach (var resourceLogs in request.ResourceLogs)
        {
            foreach (var scopeLogs in resourceLogs.ScopeLogs)
            {
                foreach (var record in scopeLogs.LogRecords)
                {
                    var mapped = MapRecord(record, resourceLogs.Resource, scopeLogs.Scope, out var reason);
                    if (mapped is null)
                    {
                        rejected++;
                        firstRejection ??= reason;
                        continue;
                    }

                    accepted.Add(Deduplicate(mapped, occurrences));
                }
            }
        }

        return new OtlpBatch(accepted, rejected, firstRejection);
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

    private static OtlpRecord? MapRecord(LogRecord record, Resource? resource, InstrumentationScope? scope, out string reason)
    {
        var windows = WindowsEventBody.TryRead(record.Body);
        var hostName = Attributes.Text(resource?.Attributes, VigilAttributes.HostName) ?? windows?.Computer;
        if (!HostSource.TryNormalizeHost(hostName, out var host))
        {
            reason = hostName is null
                ? "a log record has no resource attribute host.name; set it (the Collector's resourcedetection processor with the system detector does) so Vigil knows which host it came from"
                : "a log record's host.name is not a valid host name (letters, digits, '.', '-', '_'; at most 253)";
            return null;
        }

        var timeUnixNano = record.TimeUnixNano != 0 ? record.TimeUnixNano : record.ObservedTimeUnixNano;
        if (timeUnixNano == 0 || !UnixNanos.TryToDateTime(timeUnixNano, out var time))
        {
            reason = "a log record has neither time_unix_nano nor observed_time_unix_nano (or a time past year 9999)";
            return null;
        }

        var source = Attributes.Text(record.Attributes, VigilAttributes.Source)
            ?? Attributes.Text(resource?.Attributes, VigilAttributes.Source)
            ?? (windows is null ? DefaultSource : "eventlog:" + windows.Channel);
        if (!IsUsableName(source, MaxSourceLength))
        {
            reason = "a log record's vigil.source is empty, longer than 200 characters or holds control characters";
            return null;
        }

        var recordKey = Attributes.Text(record.Attributes, VigilAttributes.RecordKey);
        if (recordKey is not null && !IsUsableName(recordKey, MaxRecordKeyLength))
        {
            reason = "a log record's vigil.record_key is longer than 1024 characters or holds control characters";
            return null;
        }

        var severityText = record.SeverityText is { Length: > 0 } text ? text : windows?.Level;
        var channel = Attributes.Text(record.Attributes, VigilAttributes.Channel) ?? windows?.Channel
            ?? Attributes.Text(record.Attributes, VigilAttributes.LogFileName) ?? DefaultSource;
        var computer = Attributes.Text(record.Attributes, VigilAttributes.Computer) ?? windows?.Computer ?? host;
        recordKey ??= windows?.RecordId is { } recordId
            ? WindowsRecordKey.Create(computer, windows.Channel, recordId, time)
            : RecordFingerprint.Of(record, timeUnixNano, resource);

        var e = new LogEvent(
            time,
            OtlpSeverity.ToLevel((int)record.SeverityNumber, severityText),
            EventIdOf(record, windows),
            ProviderOf(record, resource, scope, windows),
            channel,
            computer,
            windows is null ? AnyValueText.Render(record.Body) : windows.Message,
            recordKey);
        reason = string.Empty;
        return new OtlpRecord(host, HostSource.Compose(host, source), e);
    }

    private static long EventIdOf(LogRecord record, WindowsEventBody? windows) =>
        long.TryParse(Attributes.Text(record.Attributes, VigilAttributes.EventId), out var id) ? id : windows?.EventId ?? 0;

    private static string ProviderOf(LogRecord record, Resource? resource, InstrumentationScope? scope, WindowsEventBody? windows) =>
        Attributes.Text(record.Attributes, VigilAttributes.Provider)
        ?? windows?.Provider
        ?? Attributes.Text(record.Attributes, VigilAttributes.ServiceName)
        ?? Attributes.Text(resource?.Attributes, VigilAttributes.ServiceName)
        ?? Attributes.Text(record.Attributes, VigilAttributes.LogFileName)
        ?? (scope?.Name is { Length: > 0 } name ? name : DefaultSource);

    private static bool IsUsableName(string name, int maxLength) =>
        name.Length is > 0 && name.Length <= maxLength && !name.Any(char.IsControl);
}
