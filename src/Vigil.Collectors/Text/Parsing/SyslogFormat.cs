using Vigil.Core.Events;

namespace Vigil.Collectors.Text.Parsing;

/// <summary>
/// RFC 5424 (<c>&lt;34&gt;1 2003-10-11T22:14:15.003Z host app procid msgid [sd] msg</c>) and RFC 3164
/// (<c>[&lt;34&gt;]Oct 11 22:14:15 host tag[pid]: msg</c>, the format of /var/log/syslog, auth.log, messages).
/// </summary>
internal static class SyslogFormat
{
    public static bool TryParse(string line, LineContext context, out ParsedLine parsed)
    {
        parsed = default;
        var s = line.AsSpan();
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
    public static bool TryParseHostAndTag(string line, int afterTimestamp, DateTime utc, out ParsedLine parsed)
    {
        parsed = default;
        if (afterTimestamp >= line.Length || line[afterTimestamp] != ' ')
        {
            return false;
        }

        var hostEnd = line.IndexOf(' ', afterTimestamp + 1);
        if (hostEnd <= afterTimestamp + 1 || !TryTag(line, hostEnd + 1, out var tag, out var messageStart))
        {
            return false;
        }

        parsed = new ParsedLine(utc, LevelMapping.Information, tag, line[(afterTimestamp + 1)..hostEnd], line[messageStart..]);
        return true;
    }

    private static bool TryParse3164(string line, int start, int level, LineContext context, out ParsedLine parsed)
    {
        parsed = default;
        var s = line.AsSpan(start);
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
        var hostEnd = line.IndexOf(' ', hostStart);
        if (hostEnd < 0)
        {
            // "Jun 14 15:16:01 host" alone: a record with an empty message is still a record.
            parsed = new ParsedLine(utc, level, null, line[hostStart..], string.Empty);
            return hostEnd != hostStart;
        }

        var host = line[hostStart..hostEnd];
        parsed = TryTag(line, hostEnd + 1, out var tag, out var messageStart)
            ? new ParsedLine(utc, level, tag, host, line[messageStart..])
            : new ParsedLine(utc, level, null, host, line[(hostEnd + 1)..]);
        return host.Length > 0;
    }

    private static bool TryParse5424(string line, int start, int level, LineContext context, out ParsedLine parsed)
    {
        parsed = default;
        var fields = new string?[5];
        var i = start;
        for (var f = 0; f < 5; f++)
        {
            var end = line.IndexOf(' ', i);
            if (end < 0)
            {
                end = line.Length;
            }

            fields[f] = line[i..end];
            i = end + 1;
        }

        DateTime utc;
        if (fields[0] == "-")
        {
            // RFC 5424 allows a missing time; the file's write time is the best honest bound.
            utc = context.FileWrittenUtc;
        }
        else if (IsoTimestamp.TryParse(fields[0], context, out utc) != fields[0]!.Length)
        {
            return false;
        }

        var message = i < line.Length ? SkipStructuredData(line, i) : string.Empty;
        parsed = new ParsedLine(utc, level, Nil(fields[2]), Nil(fields[1]), message.TrimStart('\uFEFF'));
        return true;
    }

    private static string SkipStructuredData(string line, int i)
    {
        if (line[i] == '-')
        {
            return i + 2 <= line.Length ? line[(i + 2)..] : string.Empty;
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

        return string.Empty;
    }

    /// <summary>Reads <c>tag:</c> or <c>tag[pid]:</c> followed by a space (or the end of the line).</summary>
    private static bool TryTag(string line, int start, out string? tag, out int messageStart)
    {
        tag = null;
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
                    var close = line.IndexOf(']', i);
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

                tag = line[start..tagEnd];
                messageStart = Math.Min(i + 2, line.Length);
                return tagEnd > start;
            }
        }

        return false;
    }

    private static string? Nil(string? field) => field is null or "-" or "" ? null : field;
}
