namespace Vigil.Collectors.Text.Parsing;

/// <summary>
/// ISO 8601-like timestamps at the start of a span: <c>2024-01-02T03:04:05Z</c>, <c>2024-01-02 03:04:05,123</c>,
/// <c>2024/01/02 03:04:05.123456+01:00</c>. Without a zone the time is in <see cref="LineContext.Zone"/>.
/// </summary>
internal static class IsoTimestamp
{
    /// <summary>Returns the number of chars consumed, 0 when the span does not start with such a timestamp.</summary>
    public static int TryParse(ReadOnlySpan<char> s, LineContext context, out DateTime utc)
    {
        utc = default;
        if (s.Length < 19
            || !Digits.TryRead(s, 0, 4, out var year) || (s[4] != '-' && s[4] != '/')
            || !Digits.TryRead(s, 5, 2, out var month) || s[7] != s[4]
            || !Digits.TryRead(s, 8, 2, out var day) || (s[10] != 'T' && s[10] != ' ')
            || !Digits.TryRead(s, 11, 2, out var hour) || s[13] != ':'
            || !Digits.TryRead(s, 14, 2, out var minute) || s[16] != ':'
            || !Digits.TryRead(s, 17, 2, out var second)
            || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 60)
        {
            return 0;
        }

        var i = 19;
        long ticks = 0;
        if (i < s.Length && (s[i] == '.' || s[i] == ','))
        {
            var length = Digits.ReadRun(s, i + 1, out var fraction);
            if (length == 0)
            {
                return 0;
            }

            ticks = length >= 7 ? fraction / Pow10(length - 7) : fraction * Pow10(7 - length);
            i += 1 + length;
        }

        var local = new DateTime(year, month, day, hour, minute, Math.Min(second, 59)).AddTicks(ticks);
        var offsetLength = ZoneOffset(s[i..], out var offset);
        if (offsetLength < 0)
        {
            utc = context.ToUtc(local);
            return i;
        }

        utc = DateTime.SpecifyKind(local - offset, DateTimeKind.Utc);
        return i + offsetLength;
    }

    /// <summary>Reads <c>Z</c>, <c>+01:00</c>, <c>+0100</c> or <c> +0100</c>; -1 when there is no zone.</summary>
    internal static int ZoneOffset(ReadOnlySpan<char> s, out TimeSpan offset)
    {
        offset = TimeSpan.Zero;
        if (s.Length > 0 && s[0] == 'Z')
        {
            return 1;
        }

        var skip = s.Length > 0 && s[0] == ' ' ? 1 : 0;
        if (s.Length < skip + 5 || (s[skip] != '+' && s[skip] != '-') || !Digits.TryRead(s, skip + 1, 2, out var h))
        {
            return -1;
        }

        var colon = s[skip + 3] == ':' ? 1 : 0;
        if (!Digits.TryRead(s, skip + 3 + colon, 2, out var m) || (skip + 5 + colon < s.Length && char.IsDigit(s[skip + 5 + colon])))
        {
            return -1;
        }

        offset = new TimeSpan(h, m, 0) * (s[skip] == '-' ? -1 : 1);
        return skip + 5 + colon;
    }

    private static long Pow10(int n)
    {
        long r = 1;
        for (var i = 0; i < n; i++)
        {
            r *= 10;
        }

        return r;
    }
}
