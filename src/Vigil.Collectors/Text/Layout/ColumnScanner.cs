namespace Vigil.Collectors.Text.Layout;

/// <summary>
/// Splits the start of a line into columns: runs of non-separators, where a bracketed field (<c>[a b [c]]</c>) is one
/// column even with spaces inside. Separators are blanks, or the pipe in pipe-delimited files.
/// </summary>
internal static class ColumnScanner
{
    /// <summary>Finds the next column at or after <paramref name="i"/>; false at the end of the line.</summary>
    public static bool Next(ReadOnlySpan<char> s, ref int i, bool pipes, out int start, out int end)
    {
        while (i < s.Length && IsSeparator(s[i], pipes))
        {
            i++;
        }

        start = end = i;
        if (i >= s.Length)
        {
            return false;
        }

        var depth = 0;
        var j = i;
        for (; j < s.Length; j++)
        {
            var c = s[j];
            if (c == '[')
            {
                depth++;
            }
            else if (c == ']' && depth > 0)
            {
                depth--;
            }
            else if (depth == 0 && IsSeparator(c, pipes))
            {
                break;
            }
        }

        if (depth > 0)
        {
            // An unclosed bracket: the column is the first word only.
            j = i;
            while (j < s.Length && !IsSeparator(s[j], pipes))
            {
                j++;
            }
        }

        end = i = j;
        return true;
    }

    /// <summary>Skips <paramref name="count"/> columns; false when the line has fewer.</summary>
    public static bool Skip(ReadOnlySpan<char> s, ref int i, int count, bool pipes)
    {
        for (var c = 0; c < count; c++)
        {
            if (!Next(s, ref i, pipes, out _, out _))
            {
                return false;
            }
        }

        while (i < s.Length && IsSeparator(s[i], pipes))
        {
            i++;
        }

        return i < s.Length;
    }

    /// <summary>Two or more blanks after the column: a field padded to a width.</summary>
    public static bool IsPadded(ReadOnlySpan<char> s, int end) => end + 1 < s.Length && s[end] == ' ' && s[end + 1] == ' ';

    private static bool IsSeparator(char c, bool pipes) => pipes ? c == '|' : c is ' ' or '\t';
}
