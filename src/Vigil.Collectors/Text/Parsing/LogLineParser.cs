namespace Vigil.Collectors.Text.Parsing;

/// <summary>
/// Tells record heads from continuation lines and unreadable lines. The first character picks the candidate format,
/// so each line is tried against one or two parsers at most.
/// </summary>
internal static class LogLineParser
{
    /// <summary>Parses a line that starts a record; <paramref name="reason"/> says why not when it doesn't.</summary>
    public static bool TryParse(ReadOnlySpan<char> line, LineContext context, out ParsedLine parsed, out string reason)
    {
        reason = string.Empty;
        if (line.Length == 0)
        {
            parsed = default;
            reason = "empty line";
            return false;
        }

        var first = line[0];
        var ok = first switch
        {
            '<' => SyslogFormat.TryParse(line, context, out parsed),
            '[' => ApacheFormat.TryParse(line, context, out parsed) || IsoFormat.TryParse(line, context, out parsed),
            >= 'A' and <= 'Z' => SyslogFormat.TryParse(line, context, out parsed),
            >= '0' and <= '9' => IsoFormat.TryParse(line, context, out parsed) || CompactDateFormat.TryParse(line, context, out parsed),
            _ => Fail(out parsed),
        };
        if (!ok)
        {
            reason = "no timestamp in a known format";
        }

        return ok;
    }

    /// <summary>
    /// Lines that belong to the record above them: indented lines (stack frames), and the heads of Java/.NET/Python
    /// exception dumps. Anything else without a timestamp is reported as skipped rather than glued to a record.
    /// </summary>
    public static bool IsContinuation(ReadOnlySpan<char> line)
    {
        if (line.Length == 0)
        {
            return false;
        }

        if (line[0] is ' ' or '\t')
        {
            return true;
        }

        if (line.StartsWith("Caused by:", StringComparison.Ordinal) || line.StartsWith("Traceback ", StringComparison.Ordinal)
            || line.StartsWith("---", StringComparison.Ordinal) || line.StartsWith("...", StringComparison.Ordinal))
        {
            return true;
        }

        // "java.lang.IllegalStateException: boom", "System.InvalidOperationException: boom", "ValueError: boom".
        var colon = line.IndexOf(':');
        var head = colon > 0 ? line[..colon] : line;
        return head.IndexOf(' ') < 0 && (head.EndsWith("Exception", StringComparison.Ordinal) || head.EndsWith("Error", StringComparison.Ordinal));
    }

    private static bool Fail(out ParsedLine parsed)
    {
        parsed = default;
        return false;
    }
}
