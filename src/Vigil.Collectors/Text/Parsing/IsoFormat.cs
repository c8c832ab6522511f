using Vigil.Core.Events;

namespace Vigil.Collectors.Text.Parsing;

/// <summary>
/// Application logs that start with an ISO-like timestamp (log4j, logback, Serilog, Python logging, Laravel...):
/// <c>2024-01-02 03:04:05,123 ERROR [main] com.acme.Foo: msg</c>, <c>[2024-01-02T03:04:05Z] local.WARNING: msg</c>,
/// and rsyslog's precise syslog lines <c>2024-01-02T03:04:05+00:00 host tag: msg</c>.
/// </summary>
internal static class IsoFormat
{
    private const int MaxLoggerLength = 96;

    public static bool TryParse(ReadOnlySpan<char> line, LineContext context, out ParsedLine parsed)
    {
        parsed = default;
        var bracket = line.Length > 0 && line[0] == '[' ? 1 : 0;
        var length = IsoTimestamp.TryParse(line[bracket..], context, out var utc);
        if (length == 0)
        {
            return false;
        }

        var i = bracket + length;
        if (bracket == 1)
        {
            if (i >= line.Length || line[i] != ']')
            {
                return false;
            }

            i++;
        }

        if (i < line.Length && line[i] != ' ' && line[i] != '\t' && line[i] != '|')
        {
            return false;
        }

        if (LevelWord.TryFind(line, i, out var level, out var afterLevel))
        {
            var (logger, message) = SplitLogger(line, afterLevel, context);
            parsed = new ParsedLine(utc, level, logger, null, message);
            return true;
        }

        if (bracket == 0 && SyslogFormat.TryParseHostAndTag(line, i, utc, context, out parsed))
        {
            return true;
        }

        parsed = new ParsedLine(utc, LevelMapping.Information, null, null, line[Math.Min(i + 1, line.Length)..].ToString());
        return true;
    }

    /// <summary>Splits <c>logger: message</c> or <c>logger - message</c> after the level; the logger is null when there is none.</summary>
    public static (string? Logger, string Message) SplitLogger(ReadOnlySpan<char> line, int start, LineContext context)
    {
        var i = start;
        while (i < line.Length && (line[i] == ' ' || line[i] == ':' || line[i] == '-' || line[i] == '|'))
        {
            i++;
        }

        var end = IndexOfSpace(line, i);
        if (end > i + 1 && line[i] == '[' && line[end - 1] == ']')
        {
            // A thread name ("[main]") between the level and the logger.
            i = end + 1;
            end = IndexOfSpace(line, i);
        }

        if (end > i && end - i <= MaxLoggerLength)
        {
            if (line[end - 1] == ':' && end - 1 > i)
            {
                return (context.Names.Get(line[i..(end - 1)]), line[(end + 1)..].ToString());
            }

            if (end + 2 < line.Length && line[end + 1] == '-' && line[end + 2] == ' ')
            {
                return (context.Names.Get(line[i..end]), line[(end + 3)..].ToString());
            }
        }

        return (null, line[i..].ToString());
    }

    /// <summary>string.IndexOf(' ', start) on a span: the index in the whole line, -1 when not found.</summary>
    private static int IndexOfSpace(ReadOnlySpan<char> line, int start)
    {
        var at = line[start..].IndexOf(' ');
        return at < 0 ? -1 : start + at;
    }
}
