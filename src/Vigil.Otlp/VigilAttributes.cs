namespace Vigil.Otlp;

/// <summary>
/// The attribute names Vigil reads from (and <c>vigil forward</c> writes into) an OTLP log record. The <c>vigil.*</c>
/// names carry what a <see cref="Vigil.Core.Events.LogEvent"/> holds beyond OTLP's own fields, so an event pushed by
/// the agent is stored exactly as it was read on its host.
/// </summary>
public static class VigilAttributes
{
    /// <summary>Resource attribute naming the host (OpenTelemetry semantic convention).</summary>
    public const string HostName = "host.name";

    /// <summary>Resource (or record) attribute naming the service; a provider fallback.</summary>
    public const string ServiceName = "service.name";

    /// <summary>Record attribute the Collector's filelog receiver sets; a provider and channel fallback.</summary>
    public const string LogFileName = "log.file.name";

    /// <summary>The agent's local source spec (<c>eventlog:Security</c>, <c>journald</c>, <c>file:/var/log/x</c>).</summary>
    public const string Source = "vigil.source";

    /// <summary>The record's identity within its source, so a resend stores once.</summary>
    public const string RecordKey = "vigil.record_key";

    public const string EventId = "vigil.event_id";

    public const string Provider = "vigil.provider";

    public const string Channel = "vigil.channel";

    public const string Computer = "vigil.computer";
}
