using OpenTelemetry.Proto.Collector.Logs.V1;
using OpenTelemetry.Proto.Common.V1;
using OpenTelemetry.Proto.Logs.V1;
using OpenTelemetry.Proto.Resource.V1;

namespace Vigil.Otlp.Tests.Support;

/// <summary>Tiny builders for OTLP requests.</summary>
internal static class Otlp
{
    public static readonly DateTime Time = new(2026, 3, 2, 10, 15, 30, DateTimeKind.Utc);

    public static ulong Nanos(DateTime time) => (ulong)(time.Ticks - DateTime.UnixEpoch.Ticks) * 100;

    public static KeyValue Pair(string key, string value) => new() { Key = key, Value = new AnyValue { StringValue = value } };

    public static KeyValue Pair(string key, long value) => new() { Key = key, Value = new AnyValue { IntValue = value } };

    public static KeyValue Pair(string key, params KeyValue[] values)
    {
        var list = new KeyValueList();
        list.Values.Add(values);
        return new KeyValue { Key = key, Value = new AnyValue { KvlistValue = list } };
    }

    public static LogRecord Record(string message, int severity = 9, DateTime? time = null, params KeyValue[] attributes)
    {
        var record = new LogRecord
        {
            TimeUnixNano = Nanos(time ?? Time),
            SeverityNumber = (SeverityNumber)severity,
            Body = new AnyValue { StringValue = message },
        };
        record.Attributes.Add(attributes);
        return record;
    }

    public static ExportLogsServiceRequest Request(string? host, params LogRecord[] records)
    {
        var resource = new Resource();
        if (host is not null)
        {
            resource.Attributes.Add(Pair("host.name", host));
        }

        var scope = new ScopeLogs { Scope = new InstrumentationScope { Name = "Tests.Category" } };
        scope.LogRecords.Add(records);
        var logs = new ResourceLogs { Resource = resource };
        logs.ScopeLogs.Add(scope);
        var request = new ExportLogsServiceRequest();
        request.ResourceLogs.Add(logs);
        return request;
    }
}
