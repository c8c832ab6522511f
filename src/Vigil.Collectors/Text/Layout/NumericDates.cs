using Vigil.Collectors.Text.Parsing;

namespace Vigil.Collectors.Text.Layout;

/// <summary>Timestamps written as digit groups: ISO-like, two-digit years, compact, month-day without a year, day first.</summary>
internal static class NumericDates
{
    public static int IsoLike(ReadOnlySpan<char> s, LineContext context, out DateTime utc)
    {
        utc = default;
        if (s.Length < 16 || !Digits.TryRead(s, 0, 4, out var year) || s[4] is not ('-' or '/' or '.') || s[7] != s[4]
            || !Digits.TryRead(s, 5, 2, out var month) || !Digits.TryRead(s, 8, 2, out var day) || s[10] is not ('T' or ' ' or '-')
            || ReadTime(s, 11, out var hour, out var minute, out var second, out _) is var time && time == 0 || !TimeParts.ValidDate(year, month, day))
        {
            return 0;
        }

        return Finish(s, 11 + time, year, month, day, hour, minute, second, context, out utc);
    }

    public static int ShortYear(ReadOnlySpan<char> s, LineContext context, out DateTime utc)
    {
        utc = default;
        if (s.Length < 14 || !Digits.TryRead(s, 0, 2, out var year) || s[2] is not ('/' or '-' or '.') || s[5] != s[2]
            || !Digits.TryRead(s, 3, 2, out var month) || !Digits.TryRead(s, 6, 2, out var day) || s[8] != ' '
            || ReadTime(s, 9, out var hour, out var minute, out var second, out _) is var time && time == 0 || !TimeParts.ValidDate(2000 + year, month, day))
        {
            return 0;
        }

        return Finish(s, 9 + time, 2000 + year, month, day, hour, minute, second, context, out utc);
    }

    /// <summary><c>yyyyMMdd-HH:mm:ss[:fff]</c>, <c>yyyyMMdd HHmmss</c> or <c>yyMMdd HHmmss</c>.</summary>
    public static int Compact(ReadOnlySpan<char> s, LineContext context, out DateTime utc)
    {
        utc = default;
        var run = Digits.ReadRun(s, 0, out _);
        if (run is not (6 or 8) || run >= s.Length || s[run] is not ('-' or ' ' or 'T'))
        {
            return 0;
        }

        var yearDigits = run - 4;
        Digits.TryRead(s, 0, yearDigits, out var year);
        Digits.TryRead(s, yearDigits, 2, out var month);
        Digits.TryRead(s, yearDigits + 2, 2, out var day);
        year += yearDigits == 2 ? 2000 : 0;
        var t = run + 1;
        int hour, minute, second, end;
        if (ReadTime(s, t, out hour, out minute, out second, out _) is var time and > 0)
        {
            end = t + time;
        }
        else if (Digits.ReadRun(s, t, out _) == 6 && Digits.TryRead(s, t, 2, out hour) && Digits.TryRead(s, t + 2, 2, out minute) && Digits.TryRead(s, t + 4, 2, out second))
        {
            end = t + 6;
        }
        else
        {
            return 0;
        }

        return TimeParts.ValidDate(year, month, day) && TimeParts.ValidTime(hour, minute, second)
            ? Finish(s, end, year, month, day, hour, minute, second, context, out utc)
            : 0;
    }

    /// <summary><c>MM-dd HH:mm:ss.fff</c>, <c>MM.dd HH:mm:ss</c>, <c>MM/dd HH:mm:ss</c>: the year is inferred.</summary>
    public static int MonthDay(ReadOnlySpan<char> s, LineContext context, out DateTime utc)
    {
        utc = default;
        if (s.Length < 11 || !Digits.TryRead(s, 0, 2, out var month) || s[2] is not ('-' or '.' or '/')
            || !Digits.TryRead(s, 3, 2, out var day) || s[5] != ' ' || ReadTime(s, 6, out var hour, out var minute, out var second, out _) is var time && time == 0
            || !TimeParts.ValidDate(2000, month, day))
        {
            return 0;
        }

        var end = 6 + time + TimeParts.Fraction(s, 6 + time, out var ticks);
        utc = context.InferYear(month, day, hour, minute, Math.Min(second, 59)).AddTicks(ticks);
        return end;
    }

    /// <summary><c>dd.MM.yyyy HH:mm:ss</c> or <c>dd/MM/yyyy HH:mm:ss</c>.</summary>
    public static int DayFirst(ReadOnlySpan<char> s, LineContext context, out DateTime utc)
    {
        utc = default;
        if (s.Length < 16 || !Digits.TryRead(s, 0, 2, out var day) || s[2] is not ('.' or '/') || s[5] != s[2]
            || !Digits.TryRead(s, 3, 2, out var month) || !Digits.TryRead(s, 6, 4, out var year) || s[10] != ' '
            || ReadTime(s, 11, out var hour, out var minute, out var second, out _) is var time && time == 0 || !TimeParts.ValidDate(year, month, day))
        {
            return 0;
        }

        return Finish(s, 11 + time, year, month, day, hour, minute, second, context, out utc);
    }

    /// <summary>
    /// <c>HH:mm:ss</c> at <paramref name="i"/>, each field zero-padded or not (<c>0:9:34</c>: some loggers format the
    /// parts as plain numbers), or <c>HH.mm.ss</c> (padded only: <c>1.2.3</c> is a version). Returns its length, 0 when
    /// there is none; <paramref name="separator"/> is ':' or '.'.
    /// </summary>
    public static int ReadTime(ReadOnlySpan<char> s, int i, out int hour, out int minute, out int second, out char separator)
    {
        minute = second = 0;
        separator = '\0';
        var h = Field(s, i, out hour);
        if (h == 0 || i + h >= s.Length || s[i + h] is not (':' or '.'))
        {
            return 0;
        }

        separator = s[i + h];
        var j = i + h + 1;
        var m = Field(s, j, out minute);
        if (m == 0 || j + m >= s.Length || s[j + m] != separator)
        {
            return 0;
        }

        var k = j + m + 1;
        var sec = Field(s, k, out second);
        var padded = h == 2 && m == 2 && sec == 2;
        return sec > 0 && (padded || separator == ':') && TimeParts.ValidTime(hour, minute, second) ? k + sec - i : 0;
    }

    private static int Field(ReadOnlySpan<char> s, int i, out int value)
    {
        var length = Digits.ReadRun(s, i, out var digits);
        value = (int)Math.Min(digits, int.MaxValue);
        return length is 1 or 2 ? length : 0;
    }

    /// <summary>Reads the fraction and zone after the seconds and turns the parts into UTC.</summary>
    public static int Finish(ReadOnlySpan<char> s, int i, int year, int month, int day, int hour, int minute, int second, LineContext context, out DateTime utc)
    {
        i += TimeParts.Fraction(s, i, out var ticks);
        var local = new DateTime(year, month, day, hour, minute, Math.Min(second, 59)).AddTicks(ticks);
        var zone = TimeParts.Zone(s[i..], out var offset);
        if (zone < 0)
        {
            utc = context.ToUtc(local);
            return i;
        }

        utc = DateTime.SpecifyKind(local - offset, DateTimeKind.Utc);
        return i + zone;
    }
}
