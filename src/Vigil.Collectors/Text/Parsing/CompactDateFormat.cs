namespace Vigil.Collectors.Text.Parsing;

/// <summary>Hadoop's compact layout: <c>081109 203615 148 INFO dfs.DataNode$PacketResponder: msg</c> (yyMMdd HHmmss pid level logger: msg).</summary>
internal static class CompactDateFormat
{
    public static bool TryParse(ReadOnlySpan<char> line, LineContext context, out ParsedLine parsed)
    {
        parsed = default;
        var s = line;
        if (s.Length < 16 || s[6] != ' ' || s[13] != ' '
            || !Digits.TryRead(s, 0, 2, out var year) || !Digits.TryRead(s, 2, 2, out var month) || !Digits.TryRead(s, 4, 2, out var day)
            || !Digits.TryRead(s, 7, 2, out var hour) || !Digits.TryRead(s, 9, 2, out var minute) || !Digits.TryRead(s, 11, 2, out var second)
            || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(2000 + year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        var i = 14;
        var pidLength = Digits.ReadRun(s, i, out _);
        if (pidLength > 0 && i + pidLength < s.Length && s[i + pidLength] == ' ')
        {
            i += pidLength + 1;
        }

        if (!LevelWord.TryFind(line, i, out var level, out var afterLevel))
        {
            return false;
        }

        var utc = context.ToUtc(new DateTime(2000 + year, month, day, hour, minute, second));
        var (logger, message) = IsoFormat.SplitLogger(line, afterLevel, context);
        parsed = new ParsedLine(utc, level, logger, null, message);
        return true;
    }
}
