using Vigil.Core.Events;

namespace Vigil.Collectors.Text.Parsing;

/// <summary>
/// RFC 5424 (<c>&lt;34&gt;1 2003-10-11T22:14:15.003Z host app procid msgid [sd] msg</c>) and RFC 3164
/// (<c>[&lt;34&gt;]Oct 11 22:14:15 host tag[pid]: msg</c>, the format of /var/log/syslog, auth.log, messages).
/// </summary>
internal static class SyslogFormat
{
    public static bool TryParse(ReadOnlySpan<char> line, LineContext context, out ParsedLine parsed)
    {
        parsed = default;
        var s = line;
        var level = LevelMapping.Information;
        var start = 0;
        if (s.Length > 2 && s[0] == '<')
        {
            var length = Digits.ReadRun(s, 1, out var pri);
            if (length is 0 or > 3 || 1 + length >= s.Length || s[1 + length] != '>' || pri > 191)
            {
                return false;
            }

            level = SyslogSeverity.ToLevel((int)(pri & 7));
            start = length + 2;
            if (s.Length > start + 2 && s[start] == '1' && s[start + 1] == ' ')
            {
                return TryParse5424(line, start + 2, level, context, out parsed);
            }
        }

        return TryParse3164(line, start, level, context, out parsed);
    }

    /// <summary>An ISO-timestamped line in the 3164 layout (rsyslog's high-precision template): <c>2024-01-02T03:04:05+00:00 host tag: msg</c>.</summary>
    public static bool TryParseHostAndTag(ReadOnlySpan<char> line, int afterTimestamp, DateTime utc, LineContext context, out ParsedLine parsed)
    {
        parsed = default;
        if (afterTimestamp >= line.Length || line[afterTimestamp] != ' ')
        {
            return false;
        }

        var hostEnd = IndexOf(line, ' ', afterTimestamp + 1);
        if (hostEnd <= afterTimestamp + 1 || !TryTag(line, hostEnd + 1, out var tag, out var messageStart))
        {
            return false;
        }

        var names = context.Names;
        parsed = new ParsedLine(utc, LevelMapping.Information, names.Get(line[tag]), names.Get(line[(afterTimestamp + 1)..hostEnd]), line[messageStart..].ToString());
        return true;
    }

    private static bool TryParse3164(ReadOnlySpan<char> line, int start, int level, LineContext context, out ParsedLine parsed)
    {
        parsed = default;
        var s = line[start..];
        if (s.Length < 16 || s[3] != ' ' || s[6] != ' ' || s[9] != ':' || s[12] != ':')
        {
            return false;
        }

        var month = Digits.Month(s);
        var dayOk = s[4] == ' ' ? Digits.TryRead(s, 5, 1, out var day) : Digits.TryRead(s, 4, 2, out day);
        if (month == 0 || !dayOk || day is < 1 or > 31 || day > DateTime.DaysInMonth(2000, month)
            || !Digits.TryRead(s, 7, 2, out var hour) || !Digits.TryRead(s, 10, 2, out var minute) || !Digits.TryRead(s, 13, 2, out var second)
            || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        var utc = context.InferYear(month, day, hour, minute, second);
        var hostStart = start + 16;
        var hostEnd = IndexOf(line, ' ', hostStart);
        var names = context.Names;
        if (hostEnd < 0)
        {
            // "Jun 14 15:16:01 host" alone: a record with an empty message is still a record.
            parsed = new ParsedLine(utc, level, null, names.Get(line[hostStart..]), string.Empty);
            return hostEnd != hostStart;
        }

        var host = names.Get(line[hostStart..hostEnd]);
        parsed = TryTag(line, hostEnd + 1, out var tag, out var messageStart)
            ? new ParsedLine(utc, level, names.Get(line[tag]), host, line[messageStart..].ToString())
            : new ParsedLine(utc, level, null, host, line[(hostEnd + 1)..].ToString());
        return host.Length > 0;
    }

    private static bool TryParse5424(ReadOnlySpan<char> line, int start, int level, LineContext context, out ParsedLine parsed)
    {
        parsed = default;
        Span<Range> fields = stackalloc Range[5];
        var i = start;
        for (var f = 0; f < 5; f++)
        {
            // Past the end of a short line a field is empty, as a substring there would be.
            i = Math.Min(i, line.Length);
            var end = IndexOf(line, ' ', i);
            if (end < 0)
            {
                end = line.Length;
            }

            fields[f] = i..end;
            i = end + 1;
        }

        DateTime utc;
        var time = line[fields[0]];
        if (time is "-")
        {
            // RFC 5424 allows a missing time; the file's write time is the best honest bound.
            utc = context.FileWrittenUtc;
        }
        else if (IsoTimestamp.TryParse(time, context, out utc) != time.Length)
        {
            return false;
        }

        var message = i < line.Length ? SkipStructuredData(line, i) : [];
        parsed = new ParsedLine(utc, level, Nil(line[fields[2]], context), Nil(line[fields[1]], context), message.TrimStart('\uFEFF').ToString());
        return true;
    }

    private static ReadOnlySpan<char> SkipStructuredData(ReadOnlySpan<char> line, int i)
    {
        if (line[i] == '-')
        {
            return i + 2 <= line.Length ? line[(i + 2)..] : [];
        }

        var inside = false;
        for (; i < line.Length; i++)
        {
            var c = line[i];
            if (inside && c == '\\')
            {
                i++;
            }
            else if (c == '[' && !inside)
            {
                inside = true;
            }
            else if (c == ']' && inside)
            {
                inside = false;
            }
            else if (!inside && c == ' ')
            {
                return line[(i + 1)..];
            }
        }

        return [];
    }

    /// <summary>Reads <c>tag:</c> or <c>tag[pid]:</c> followed by a space (or the end of the line).</summary>
    private static bool TryTag(ReadOnlySpan<char> line, int start, out Range tag, out int messageStart)
    {
        tag = default;
        messageStart = start;
        for (var i = start; i < line.Length && i - start <= 64; i++)
        {
            var c = line[i];
            if (c == ' ')
            {
                return false;
            }

            if (c == ':' || c == '[')
            {
                var tagEnd = i;
                if (c == '[')
                {
                    var close = IndexOf(line, ']', i);
                    if (close < 0 || close + 1 >= line.Length || line[close + 1] != ':')
                    {
                        return false;
                    }

                    i = close + 1;
                }

                if (i + 1 < line.Length && line[i + 1] != ' ')
                {
                    continue;
                }

                tag = start..tagEnd;
                messageStart = Math.Min(i + 2, line.Length);
                return tagEnd > start;
            }
        }

        return false;
    }

    private static string? Nil(ReadOnlySpan<char> field, LineContext context) => field is "-" or "" ? null : context.Names.Get(field);

    /// <summary>string.IndexOf(char, start) on a span: the index in the whole line, -1 when not found.</summary>
    private static int IndexOf(ReadOnlySpan<char> line, char c, int start)
    {
        var at = line[start..].IndexOf(c);
        return at < 0 ? -1 : start + at;
    }
}
