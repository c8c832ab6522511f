namespace Vigil.Collectors.Text.Parsing;

/// <summary>
/// One syslog message received over the network (RFC 5424 or RFC 3164), read by the same parser as syslog files.
/// Times written without a zone (RFC 3164) are in <c>zone</c>; a year-less date is placed at or before the moment the
/// message arrived, as a file's lines are placed before the file was written.
/// </summary>
/// <param name="TimeUtc">When the event happened (the arrival time when the message has none).</param>
/// <param name="Level">The Windows level of the message's severity (Information without a PRI).</param>
/// <param name="AppName">The APP-NAME or TAG, or null.</param>
/// <param name="Host">The HOSTNAME field, or null.</param>
/// <param name="Message">The free-form message.</param>
public readonly record struct SyslogMessage(DateTime TimeUtc, int Level, string? AppName, string? Host, string Message)
{
    public static bool TryParse(string raw, DateTime receivedUtc, TimeZoneInfo zone, out SyslogMessage message)
    {
        message = default;
        var context = new LineContext(receivedUtc, zone);
        if (SyslogFormat.TryParse(raw, context, out var parsed) || TryPreciseForward(raw, context, out parsed))
        {
            message = new SyslogMessage(parsed.TimeUtc, parsed.Level, parsed.Provider, parsed.Host, parsed.Message);
            return true;
        }

        return false;
    }

    /// <summary>rsyslog's RSYSLOG_ForwardFormat: the RFC 3164 layout with an RFC 3339 time, <c>&lt;PRI&gt;2026-03-02T10:15:30.25+01:00 host tag: msg</c>.</summary>
    private static bool TryPreciseForward(string raw, LineContext context, out ParsedLine parsed)
    {
        parsed = default;
        var close = raw.StartsWith('<') ? raw.IndexOf('>', StringComparison.Ordinal) : -1;
        if (close is < 2 or > 4 || !int.TryParse(raw.AsSpan(1, close - 1), out var pri) || pri > 191)
        {
            return false;
        }

        var rest = raw[(close + 1)..];
        var length = IsoTimestamp.TryParse(rest, context, out var utc);
        if (length == 0 || !SyslogFormat.TryParseHostAndTag(rest, length, utc, context, out parsed))
        {
            return false;
        }

        parsed = parsed with { Level = SyslogSeverity.ToLevel(pri & 7) };
        return true;
    }
}
