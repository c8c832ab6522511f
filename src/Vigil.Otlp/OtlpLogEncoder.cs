using System.Globalization;
using OpenTelemetry.Proto.Common.V1;
using OpenTelemetry.Proto.Logs.V1;
using OpenTelemetry.Proto.Resource.V1;
using Vigil.Core.Events;
using Vigil.Otlp.Mapping;

namespace Vigil.Otlp;

/// <summary>
/// The inverse of <see cref="OtlpLogMapper"/> for <c>vigil forward</c>: events read on a host become OTLP records that
/// the receiver maps back to the same events (same time to the tick, level, ids, names, message and record key), stored
/// under <c>host:HOST/SOURCE</c>. The <c>vigil.*</c> attributes carry what OTLP has no field for.
/// </summary>
public static class OtlpLogEncoder
{
    /// <summary>One resource (the host) with one scope holding <paramref name="events"/> of <paramref name="source"/>.</summary>
    public static ResourceLogs ToResourceLogs(string host, string source, IEnumerable<LogEvent> events)
    {
        var resource = new Resource();
        resource.Attributes.Add(Pair(VigilAttributes.HostName, host));
        var scope = new ScopeLogs { Scope = new InstrumentationScope { Name = "vigil" } };
        foreach (var e in events)
        {
            scope.LogRecords.Add(ToLogRecord(source, e));
        }

        var logs = new ResourceLogs { Resource = resource };
        logs.ScopeLogs.Add(scope);
        return logs;
    }

    public static LogRecord ToLogRecord(string source, LogEvent e)
    {
        var nanos = UnixNanos.FromDateTime(e.TimeCreated);
        var record = new LogRecord
        {
            TimeUnixNano = nanos,
            ObservedTimeUnixNano = nanos,
            SeverityNumber = (SeverityNumber)OtlpSeverity.ToSeverityNumber(e.Level),
            SeverityText = LevelMapping.Name(e.Level),
        };
        if (e.Message is not null)
        {
            record.Body = new AnyValue { StringValue = e.Message };
        }

        record.Attributes.Add(Pair(VigilAttributes.Source, source));
        record.Attributes.Add(Pair(VigilAttributes.RecordKey, e.RecordKey));
        record.Attributes.Add(new KeyValue { Key = VigilAttributes.EventId, Value = new AnyValue { IntValue = e.EventId } });
        record.Attributes.Add(Pair(VigilAttributes.Provider, e.Provider));
        record.Attributes.Add(Pair(VigilAttributes.Channel, e.Channel));
        record.Attributes.Add(Pair(VigilAttributes.Computer, e.Computer));
        return record;
    }

    private static KeyValue Pair(string key, string value) => new() { Key = key, Value = new AnyValue { StringValue = value } };
}
