using Vigil.Collectors.Text.Parsing;

namespace Vigil.Collectors.Text.Layout;

/// <summary>Timestamps with an English month name: syslog and ctime (<c>[Sun ]Dec  4 04:47:44[ 2005]</c>) and the common log format.</summary>
internal static class NamedMonthDates
{
    public static int MonthName(ReadOnlySpan<char> s, LineContext context, out DateTime utc)
    {
        utc = default;
        var i = 0;
        if (s.Length > 4 && char.IsAsciiLetterUpper(s[0]) && char.IsAsciiLetterLower(s[1]) && char.IsAsciiLetterLower(s[2]) && s[3] == ' '
            && Digits.Month(s) == 0)
        {
            i = 4; // a weekday ("Sun ")
        }

        var month = Digits.Month(s[i..]);
        if (month == 0 || i + 3 >= s.Length || s[i + 3] != ' ')
        {
            return 0;
        }

        i += 4;
        if (i < s.Length && s[i] == ' ')
        {
            i++;
        }

        var dayLength = Digits.ReadRun(s, i, out var day);
        if (dayLength is 0 or > 2 || i + dayLength >= s.Length || s[i + dayLength] != ' ')
        {
            return 0;
        }

        i += dayLength + 1;
        var year = 0;
        if (Digits.ReadRun(s, i, out var leadingYear) == 4 && i + 4 < s.Length && s[i + 4] == ' ')
        {
            year = (int)leadingYear; // "Dec 4 2005 04:47:44"
            i += 5;
        }

        var time = NumericDates.ReadTime(s, i, out var hour, out var minute, out var second, out var separator);
        if (time == 0 || separator != ':')
        {
            return 0;
        }

        i += time;
        i += TimeParts.Fraction(s, i, out var ticks);
        if (year == 0 && i + 5 <= s.Length && s[i] == ' ' && Digits.ReadRun(s, i + 1, out var trailingYear) == 4 && TimeParts.EndsAt(s, i + 5))
        {
            year = (int)trailingYear; // ctime: "Sun Dec  4 04:47:44 2005"
            i += 5;
        }

        if (!TimeParts.ValidDate(year == 0 ? 2000 : year, month, (int)day))
        {
            return 0;
        }

        utc = year == 0
            ? context.InferYear(month, (int)day, hour, minute, Math.Min(second, 59)).AddTicks(ticks)
            : context.ToUtc(new DateTime(year, month, (int)day, hour, minute, Math.Min(second, 59)).AddTicks(ticks));
        return i;
    }

    /// <summary><c>10/Oct/2000:13:55:36 -0700</c>.</summary>
    public static int CommonLog(ReadOnlySpan<char> s, LineContext context, out DateTime utc)
    {
        utc = default;
        if (s.Length < 20 || !Digits.TryRead(s, 0, 2, out var day) || s[2] != '/' || s[6] != '/' || s[11] != ':'
            || !Digits.TryRead(s, 7, 4, out var year) || NumericDates.ReadTime(s, 12, out var hour, out var minute, out var second, out _) != 8)
        {
            return 0;
        }

        var month = Digits.Month(s[3..]);
        return month > 0 && TimeParts.ValidDate(year, month, day)
            ? NumericDates.Finish(s, 20, year, month, day, hour, minute, second, context, out utc)
            : 0;
    }
}
