using Vigil.Core.Events;

namespace Vigil.Collectors.Text.Parsing;

/// <summary>Apache httpd error logs: <c>[Sun Dec 04 04:47:44 2005] [error] msg</c> and 2.4's <c>[... 04:47:44.123456 2005] [core:error] [pid 1] msg</c>.</summary>
internal static class ApacheFormat
{
    public static bool TryParse(ReadOnlySpan<char> line, LineContext context, out ParsedLine parsed)
    {
        parsed = default;
        var s = line;
        if (s.Length < 26 || s[0] != '[' || s[4] != ' ' || s[8] != ' ' || s[11] != ' ' || s[14] != ':' || s[17] != ':')
        {
            return false;
        }

        var month = Digits.Month(s[5..]);
        if (month == 0 || !Digits.TryRead(s, 9, 2, out var day) || !Digits.TryRead(s, 12, 2, out var hour)
            || !Digits.TryRead(s, 15, 2, out var minute) || !Digits.TryRead(s, 18, 2, out var second))
        {
            return false;
        }

        var i = 20;
        long micro = 0;
        if (s[i] == '.')
        {
            i += 1 + Digits.ReadRun(s, i + 1, out micro);
        }

        if (i + 6 > s.Length || s[i] != ' ' || !Digits.TryRead(s, i + 1, 4, out var year) || s[i + 5] != ']'
            || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        var utc = context.ToUtc(new DateTime(year, month, day, hour, minute, second).AddTicks(micro * 10));
        i += 6;
        var level = LevelMapping.Information;
        string? module = null;
        if (i + 2 < s.Length && s[i] == ' ' && s[i + 1] == '[')
        {
            var close = line[(i + 2)..].IndexOf(']');
            if (close >= 0)
            {
                close += i + 2;
                var word = line[(i + 2)..close];
                var colon = word.IndexOf(':');
                if (colon >= 0)
                {
                    module = context.Names.Get(word[..colon]);
                    word = word[(colon + 1)..];
                }

                if (LevelMapping.TryParse(context.Names.Get(word), out var parsedLevel))
                {
                    level = parsedLevel.Value;
                    i = close + 1;
                }
                else
                {
                    module = null;
                }
            }
        }

        parsed = new ParsedLine(utc, level, module, null, line[Math.Min(i + 1, line.Length)..].ToString());
        return true;
    }
}
