using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Vigil.Collectors.Text.Parsing;
using Vigil.Core.Events;

namespace Vigil.Collectors.Text.Layout;

/// <summary>
/// The layout of one file's record heads, learned from its first lines (<see cref="LayoutInference"/>): where the
/// timestamp is and how it is written, and what the leading columns after it hold up to the message. Stored with the
/// file in the source checkpoint, so a restart reads the file the same way without guessing again.
/// </summary>
internal sealed class LineLayout
{
    /// <summary>How the timestamp is written; null when no layout was found and only the known formats are read.</summary>
    public TimestampStyle? Style { get; set; }

    /// <summary>Columns before the timestamp (a label, an epoch taken instead, a file name...).</summary>
    public int Column { get; set; }

    /// <summary>The timestamp is inside <c>[ ]</c>.</summary>
    public bool Bracketed { get; set; }

    /// <summary>Columns after the timestamp are separated by <c>|</c> rather than blanks.</summary>
    public bool Pipes { get; set; }

    /// <summary>The columns between the timestamp and the message.</summary>
    public ColumnKind[] Header { get; set; } = [];

    /// <summary>The header column holding the host name, -1 when none.</summary>
    public int HostColumn { get; set; } = -1;

    /// <summary>The file has records over several lines (stack traces): lines without a timestamp join the record above.</summary>
    public bool Multiline { get; set; }

    /// <summary>Other timestamps seen on the first line, for <c>--show-format</c>.</summary>
    public string[] OtherTimestamps { get; set; } = [];

    /// <summary>A format given in the configuration (<see cref="FormatPattern"/>), used instead of the columns above.</summary>
    public string? Pattern { get; set; }

    /// <summary>Neither a learned nor a configured layout: the known formats are read.</summary>
    [JsonIgnore]
    public bool IsEmpty => Style is null && Pattern is null;

    private Regex? _regex;

    public static LineLayout KnownFormatsOnly() => new();

    /// <exception cref="SourceException">The format is not valid.</exception>
    public static LineLayout Configured(string format, string where) =>
        new() { Pattern = format, _regex = FormatPattern.Compile(format, where) };

    /// <summary>What <c>--show-format</c> prints: one line per part of the layout.</summary>
    public IEnumerable<string> Describe()
    {
        if (Pattern is not null)
        {
            yield return $"configured format: {Pattern}";
            yield break;
        }

        if (Style is not { } style)
        {
            yield return "no timestamp common to the first lines: only the known formats are read (RFC 3164/5424 syslog, ISO, Apache)";
            yield break;
        }

        yield return $"timestamp: column {Column + 1}{(Bracketed ? " in [ ]" : string.Empty)}, {TimestampStyles.Describe(style)}";
        foreach (var other in OtherTimestamps)
        {
            yield return $"also a timestamp (not used, the first plausible one is): {other}";
        }

        var names = Header.Select((kind, j) => j == HostColumn ? "host" : ColumnName(kind)).ToList();
        yield return names.Count == 0
            ? "header: none, the message follows the timestamp"
            : $"header{(Pipes ? " (|-separated)" : string.Empty)}: {string.Join(", ", names)}; the message is the rest of the line";
        yield return Multiline ? "multi-line records: yes, lines without a timestamp join the record above" : "multi-line records: no, a line without a timestamp is a record of its own";
    }

    private static string ColumnName(ColumnKind kind) => kind switch
    {
        ColumnKind.Level => "level",
        ColumnKind.Time => "date/time",
        ColumnKind.Tag => "component:",
        ColumnKind.Bracket => "[field]",
        ColumnKind.Dash => "-",
        ColumnKind.Number => "number (pid/tid)",
        ColumnKind.Padded => "padded field",
        _ => "field",
    };

    /// <summary>Reads a record head; false when the line has no timestamp where the layout puts one.</summary>
    public bool TryParse(ReadOnlySpan<char> line, LineContext context, out ParsedLine parsed)
    {
        parsed = default;
        if (!TryRead(line, context, out var head))
        {
            return false;
        }

        parsed = new ParsedLine(
            head.TimeUtc,
            head.Level,
            head.ProviderLength > 0 ? context.Names.Get(line.Slice(head.ProviderStart, head.ProviderLength)) : null,
            head.HostLength > 0 ? context.Names.Get(line.Slice(head.HostStart, head.HostLength)) : null,
            line[head.ContentStart..].ToString());
        return true;
    }

    /// <summary>Where the message starts, past the timestamp and header; false when the line has no timestamp where expected.</summary>
    public bool TryFindContent(ReadOnlySpan<char> line, LineContext context, out int contentStart)
    {
        var ok = TryRead(line, context, out var head);
        contentStart = head.ContentStart;
        return ok;
    }

    private bool TryRead(ReadOnlySpan<char> s, LineContext context, out HeadSpans head)
    {
        head = default;
        if (Pattern is not null)
        {
            return TryReadPattern(s.ToString(), context, out head);
        }

        if (Style is not { } style || !TryTimestamp(s, style, context, out var i, out var utc, out var moved))
        {
            return false;
        }

        if ((Bracketed || moved) && i < s.Length && s[i] == ']')
        {
            i++;
        }

        if (i < s.Length && s[i] == ',')
        {
            i++;
        }

        head = new HeadSpans { TimeUtc = utc, Level = LevelMapping.Information, ContentStart = i };
        var levelFound = false;
        (int Start, int Length) free = default;
        for (var j = 0; j < (moved ? 0 : Header.Length); j++)
        {
            if (!ColumnScanner.Next(s, ref i, Pipes, out var start, out var end))
            {
                head.ContentStart = s.Length;
                break;
            }

            var token = s[start..end];
            var kind = Header[j];
            if (!ColumnClassifier.Is(kind, token, context))
            {
                var ahead = kind is ColumnKind.Dash or ColumnKind.Tag ? LayoutLookahead.Find(s, start, kind, Pipes, context) : -1;
                if (ahead < 0)
                {
                    head.ContentStart = start;
                    break;
                }

                // "chrome.exe *64 -" or "Google Chrome:": the separator came a column or two later.
                (i, end) = (ahead, ahead);
                token = s[start..end];
            }

            head.ContentStart = end;
            if (kind is ColumnKind.Level or ColumnKind.Tag or ColumnKind.Bracket && !levelFound && ColumnClassifier.TryLevel(token, out var level))
            {
                (head.Level, levelFound) = (level, true);
            }
            else if (kind == ColumnKind.Tag)
            {
                var name = TagName(token);
                (head.ProviderStart, head.ProviderLength) = (start, name);
            }
            else if (j == HostColumn)
            {
                (head.HostStart, head.HostLength) = (start, end - start);
            }
            else if (kind is ColumnKind.Free or ColumnKind.Padded)
            {
                free = (start, end - start);
            }
        }

        if (head.ProviderLength == 0 && free.Length > 0)
        {
            (head.ProviderStart, head.ProviderLength) = free;
        }

        var c = head.ContentStart;
        while (c < s.Length && (s[c] is ' ' or '\t' || (Pipes && s[c] == '|')))
        {
            c++;
        }

        head.ContentStart = c;
        return true;
    }

    private bool TryReadPattern(string line, LineContext context, out HeadSpans head)
    {
        head = default;
        _regex ??= FormatPattern.Compile(Pattern!, "format");
        Match match;
        try
        {
            match = _regex.Match(line);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }

        var time = Group(match, "Timestamp") is { Length: > 0 } stamp ? stamp : string.Join(' ', new[] { Group(match, "Date"), Group(match, "Month"), Group(match, "Day"), Group(match, "Time") }.Where(p => p.Length > 0));
        if (!match.Success || TimestampReader.TryReadAny(time, 0, context, out _, out var utc) == 0)
        {
            return false;
        }

        var content = match.Groups["Content"].Success ? match.Groups["Content"] : match.Groups["Message"];
        head = new HeadSpans { TimeUtc = utc, Level = LevelMapping.Information, ContentStart = content.Success ? content.Index : line.Length };
        if (ColumnClassifier.TryLevel(Group(match, "Level"), out var level))
        {
            head.Level = level;
        }

        if (FormatPattern.ProviderGroups.Select(n => match.Groups[n]).FirstOrDefault(g => g.Success && g.Length > 0) is { } provider)
        {
            (head.ProviderStart, head.ProviderLength) = (provider.Index, provider.Length);
        }

        if (FormatPattern.HostGroups.Select(n => match.Groups[n]).FirstOrDefault(g => g.Success && g.Length > 0) is { } host)
        {
            (head.HostStart, head.HostLength) = (host.Index, host.Length);
        }

        return true;
    }

    private static string Group(Match match, string name) => match.Groups[name] is { Success: true } g ? g.Value : string.Empty;

    /// <param name="moved">The timestamp was not where the layout puts it, so neither are the header columns.</param>
    private bool TryTimestamp(ReadOnlySpan<char> s, TimestampStyle style, LineContext context, out int end, out DateTime utc, out bool moved)
    {
        var i = 0;
        moved = false;
        if (ColumnScanner.Skip(s, ref i, Column, pipes: false) && TryAt(s, i, style, context, out end, out utc))
        {
            return true;
        }

        moved = true;
        // The timestamp moved (a line with one column more or less before it): look along the first columns.
        i = 0;
        for (var column = 0; column < LayoutInference.MaxTimestampColumn; column++)
        {
            if (!ColumnScanner.Next(s, ref i, false, out var start, out _))
            {
                break;
            }

            if (column != Column && TryAt(s, start, style, context, out end, out utc))
            {
                return true;
            }
        }

        end = 0;
        utc = default;
        return false;
    }

    private bool TryAt(ReadOnlySpan<char> s, int i, TimestampStyle style, LineContext context, out int end, out DateTime utc)
    {
        utc = default;
        end = 0;
        if (Bracketed)
        {
            if (i >= s.Length || s[i] != '[')
            {
                return false;
            }

            i++;
        }

        var length = TimestampReader.TryRead(s, i, style, context, out utc);
        end = i + length;
        return length > 0;
    }

    /// <summary>The name of <c>sshd[12]:</c>, <c>crond(pam_unix)[2915]:</c> or <c>com.acme.Foo:</c> without the pid and colon.</summary>
    private static int TagName(ReadOnlySpan<char> token)
    {
        var length = token.Length - 1;
        if (length > 0 && token[length - 1] == ']')
        {
            var open = token[..length].LastIndexOf('[');
            if (open > 0)
            {
                length = open;
            }
        }

        return length;
    }

    private struct HeadSpans
    {
        public DateTime TimeUtc;
        public int Level;
        public int ProviderStart;
        public int ProviderLength;
        public int HostStart;
        public int HostLength;
        public int ContentStart;
    }
}
