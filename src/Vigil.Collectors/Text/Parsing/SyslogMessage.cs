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
        if (!SyslogFormat.TryParse(raw, new LineContext(receivedUtc, zone), out var parsed))
        {
            return false;
        }

        message = new SyslogMessage(parsed.TimeUtc, parsed.Level, parsed.Provider, parsed.Host, parsed.Message);
        return true;
    }
}
