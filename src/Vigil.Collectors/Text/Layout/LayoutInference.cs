using Vigil.Collectors.Text.Parsing;

namespace Vigil.Collectors.Text.Layout;

/// <summary>
/// Learns a file's <see cref="LineLayout"/> from its first lines, with no code for any one product:
/// 1. on each line, the first column (of the first few) where a timestamp of a known shape reads; the (column, shape)
///    found on most lines wins, so a second timestamp later on the line or a date inside a file name is passed over;
/// 2. the columns after it are classified over all lines (level word, date/time, <c>name:</c>, <c>[...]</c>, <c>-</c>,
///    number, padded); the header runs to the last consistent column, stops after a <c>name:</c> column, and gives up
///    after more than <see cref="MaxFreeRun"/> inconsistent columns in a row (that is the message);
/// 3. lines without a timestamp that look like stack frames mean the file has multi-line records.
/// </summary>
internal static class LayoutInference
{
    /// <summary>How many leading columns are searched for the timestamp.</summary>
    public const int MaxTimestampColumn = 8;

    /// <summary>Lines read from the start of a file to learn its layout.</summary>
    public const int SampleLines = 1000;

    private const int MaxHeaderColumns = 10;

    private const int MaxFreeRun = 3;

    /// <summary>A column is of a kind when this share of the lines agree.</summary>
    private const double Consistent = 0.8;

    /// <summary>The timestamp must be found on this share of the non-empty lines (stack traces may fill the rest).</summary>
    private const double MinTimestamped = 0.2;

    private static readonly ColumnKind[] StrongKinds = [ColumnKind.Level, ColumnKind.Time, ColumnKind.Tag, ColumnKind.Bracket, ColumnKind.Dash, ColumnKind.Number];

    /// <summary>The layout of <paramref name="lines"/>, or null when no timestamp position is common to enough of them.</summary>
    public static LineLayout? Infer(IReadOnlyList<string> lines, LineContext context)
    {
        var votes = new Dictionary<(int Column, bool Bracketed, TimestampStyle Style), int>();
        var nonEmpty = 0;
        foreach (var line in lines)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            nonEmpty++;
            if (FirstTimestamp(line, context, out var found))
            {
                votes[found] = votes.GetValueOrDefault(found) + 1;
            }
        }

        if (votes.Count == 0)
        {
            return null;
        }

        var best = votes.OrderByDescending(v => v.Value).ThenBy(v => v.Key.Column).First();
        if (best.Value < Math.Max(2, MinTimestamped * nonEmpty) && best.Value < nonEmpty)
        {
            return null;
        }

        var layout = new LineLayout { Style = best.Key.Style, Column = best.Key.Column, Bracketed = best.Key.Bracketed };
        var heads = new List<(string Line, int After)>();
        foreach (var line in lines)
        {
            if (!string.IsNullOrWhiteSpace(line) && layout.TryFindContent(line, context, out var after))
            {
                heads.Add((line, after));
            }
            else if (!string.IsNullOrEmpty(line) && LogLineParser.IsContinuation(line))
            {
                layout.Multiline = true;
            }
        }

        layout.Pipes = heads.Count(h => h.After < h.Line.Length && h.Line[h.After] == '|') >= Consistent * heads.Count;
        layout.Header = HeaderColumns(heads, layout.Pipes, context);
        layout.HostColumn = layout.Style == TimestampStyle.MonthName && layout.Header.Length >= 2 && layout.Header[0] == ColumnKind.Free ? 0 : -1;
        layout.OtherTimestamps = heads.Count > 0 ? OtherTimestamps(heads[0].Line, layout, context) : [];
        return layout;
    }

    private static bool FirstTimestamp(string line, LineContext context, out (int Column, bool Bracketed, TimestampStyle Style) found)
    {
        var i = 0;
        for (var column = 0; column < MaxTimestampColumn; column++)
        {
            if (!ColumnScanner.Next(line, ref i, false, out var start, out _))
            {
                break;
            }

            var bracketed = line[start] == '[';
            if (TimestampReader.TryReadAny(line, start + (bracketed ? 1 : 0), context, out var style, out _) > 0)
            {
                found = (column, bracketed, style);
                return true;
            }
        }

        found = default;
        return false;
    }

    private static ColumnKind[] HeaderColumns(List<(string Line, int After)> heads, bool pipes, LineContext context)
    {
        var kinds = new List<ColumnKind>();
        var header = 0;
        var freeRun = 0;
        for (var column = 0; column < MaxHeaderColumns && heads.Count > 0; column++)
        {
            var counts = new int[Enum.GetValues<ColumnKind>().Length];
            var padded = 0;
            var ends = new int[heads.Count];
            var dashEnds = new int[heads.Count];
            for (var h = 0; h < heads.Count; h++)
            {
                var (line, at) = heads[h];
                var i = at;
                if (!ColumnScanner.Next(line, ref i, pipes, out var start, out var end))
                {
                    ends[h] = dashEnds[h] = line.Length;
                    continue;
                }

                ends[h] = end;
                var token = line.AsSpan(start, end - start);
                foreach (var kind in StrongKinds)
                {
                    counts[(int)kind] += ColumnClassifier.Is(kind, token, context) ? 1 : 0;
                }

                // A name with blanks before a "-" ("chrome.exe *64 - msg") still has its dash a column or two later.
                dashEnds[h] = LayoutLookahead.Find(line, at, ColumnKind.Dash, pipes, context);
                counts[(int)ColumnKind.Dash] += dashEnds[h] >= 0 && token is not "-" ? 1 : 0;
                padded += ColumnScanner.IsPadded(line, end) ? 1 : 0;
            }

            var chosen = StrongKinds.FirstOrDefault(k => counts[(int)k] >= Consistent * heads.Count, ColumnKind.Free);
            if (chosen == ColumnKind.Free && padded >= Consistent * heads.Count)
            {
                chosen = ColumnKind.Padded;
            }

            for (var h = 0; h < heads.Count; h++)
            {
                heads[h] = (heads[h].Line, chosen == ColumnKind.Dash && dashEnds[h] >= 0 ? dashEnds[h] : ends[h]);
            }

            kinds.Add(chosen);
            if (chosen == ColumnKind.Free)
            {
                if (++freeRun > MaxFreeRun)
                {
                    break;
                }

                continue;
            }

            freeRun = 0;
            header = column + 1;
            if (chosen == ColumnKind.Tag || counts[(int)ColumnKind.Tag] >= Consistent * heads.Count)
            {
                kinds[^1] = ColumnKind.Tag;
                break;
            }
        }

        return [.. kinds.Take(header)];
    }

    private static string[] OtherTimestamps(string line, LineLayout layout, LineContext context)
    {
        var others = new List<string>();
        var i = 0;
        for (var column = 0; column < MaxTimestampColumn + MaxHeaderColumns; column++)
        {
            if (!ColumnScanner.Next(line, ref i, false, out var start, out var end))
            {
                break;
            }

            var offset = line[start] == '[' ? 1 : 0;
            if (column != layout.Column && TimestampReader.TryReadAny(line, start + offset, context, out var style, out _) > 0)
            {
                others.Add($"column {column + 1}: {TimestampStyles.Describe(style)} ('{line[start..end]}')");
            }
        }

        return [.. others];
    }
}
