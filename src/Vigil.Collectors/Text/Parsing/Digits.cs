namespace Vigil.Collectors.Text.Parsing;

/// <summary>Fixed-width number reading without allocations; parsing runs once per line on the ingest hot path.</summary>
internal static class Digits
{
    public static bool TryRead(ReadOnlySpan<char> s, int start, int count, out int value)
    {
        value = 0;
        if (start < 0 || start + count > s.Length)
        {
            return false;
        }

        for (var i = start; i < start + count; i++)
        {
            var d = s[i] - '0';
            if ((uint)d > 9)
            {
                return false;
            }

            value = (value * 10) + d;
        }

        return true;
    }

    /// <summary>Reads the run of digits at <paramref name="start"/>; returns its length (0 when none).</summary>
    public static int ReadRun(ReadOnlySpan<char> s, int start, out long value)
    {
        value = 0;
        var i = start;
        while (i < s.Length && (uint)(s[i] - '0') <= 9 && i - start < 18)
        {
            value = (value * 10) + (s[i] - '0');
            i++;
        }

        return i - start;
    }

    public static int Month(ReadOnlySpan<char> s) => s.Length < 3 ? 0 : (s[0], char.ToLowerInvariant(s[1]), char.ToLowerInvariant(s[2])) switch
    {
        ('J', 'a', 'n') => 1,
        ('F', 'e', 'b') => 2,
        ('M', 'a', 'r') => 3,
        ('A', 'p', 'r') => 4,
        ('M', 'a', 'y') => 5,
        ('J', 'u', 'n') => 6,
        ('J', 'u', 'l') => 7,
        ('A', 'u', 'g') => 8,
        ('S', 'e', 'p') => 9,
        ('O', 'c', 't') => 10,
        ('N', 'o', 'v') => 11,
        ('D', 'e', 'c') => 12,
        _ => 0,
    };
}
