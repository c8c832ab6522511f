using Vigil.Collectors.Text.Parsing;

namespace Vigil.Collectors.Text.Layout;

/// <summary>Small readers shared by the timestamp styles: fractions of a second, zones, and the end of a timestamp.</summary>
internal static class TimeParts
{
    /// <summary>Reads <c>[.,:]digits</c> at <paramref name="i"/>; returns the chars consumed (0 when none) and the ticks.</summary>
    public static int Fraction(ReadOnlySpan<char> s, int i, out long ticks)
    {
        ticks = 0;
        if (i + 1 >= s.Length || s[i] is not ('.' or ',' or ':'))
        {
            return 0;
        }

        var length = Digits.ReadRun(s, i + 1, out var fraction);
        if (length is 0 or > 9)
        {
            return 0;
        }

        ticks = length >= 7 ? fraction / Pow10(length - 7) : fraction * Pow10(7 - length);
        return 1 + length;
    }

    /// <summary>Reads a zone (<c>Z</c>, <c>+01:00</c>, <c> +0100</c>, <c> UTC</c>, <c> GMT</c>); -1 when there is none.</summary>
    public static int Zone(ReadOnlySpan<char> s, out TimeSpan offset)
    {
        var length = IsoTimestamp.ZoneOffset(s, out offset);
        if (length >= 0)
        {
            return length;
        }

        if (s.Length >= 4 && s[0] == ' ' && (s[1..4].SequenceEqual("UTC") || s[1..4].SequenceEqual("GMT")) && (s.Length == 4 || !char.IsAsciiLetterOrDigit(s[4])))
        {
            offset = TimeSpan.Zero;
            return 4;
        }

        return -1;
    }

    /// <summary>A timestamp ends at the end of the line or before a char that cannot continue a word or number.</summary>
    public static bool EndsAt(ReadOnlySpan<char> s, int i) => i >= s.Length || !char.IsAsciiLetterOrDigit(s[i]);

    public static bool ValidTime(int hour, int minute, int second) => hour <= 23 && minute <= 59 && second <= 60;

    public static bool ValidDate(int year, int month, int day) =>
        year is >= 1 and <= 9999 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month);

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
