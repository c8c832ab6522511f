using Vigil.Collectors.Text.Parsing;

namespace Vigil.Collectors.Text.Layout;

/// <summary>
/// Finds a separating column (<c>-</c>, <c>name:</c>) that a field with blanks pushed one or two columns later;
/// returns the index just past it, or -1.
/// </summary>
internal static class LayoutLookahead
{
    private const int MaxColumns = 3;

    public static int Find(ReadOnlySpan<char> s, int from, ColumnKind kind, bool pipes, LineContext context)
    {
        var i = from;
        for (var c = 0; c < MaxColumns; c++)
        {
            if (!ColumnScanner.Next(s, ref i, pipes, out var start, out var end))
            {
                return -1;
            }

            if (ColumnClassifier.Is(kind, s[start..end], context))
            {
                return end;
            }
        }

        return -1;
    }
}
