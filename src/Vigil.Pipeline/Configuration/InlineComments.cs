using System.Text;

namespace Vigil.Pipeline.Configuration;

/// <summary>
/// The original tool's config.ini carries comments after values (<c>collection_hours = 24 ; look back a day</c>), which
/// Python's configparser dropped and the .NET INI reader keeps as part of the value. A <c>;</c> or <c>#</c> after
/// whitespace starts a comment, as with configparser's <c>inline_comment_prefixes</c>; inside double quotes it does not,
/// so a value that really holds " ;" can be quoted.
/// </summary>
internal static class InlineComments
{
    public static string Strip(string ini)
    {
        var text = new StringBuilder(ini.Length);
        foreach (var line in ini.ReplaceLineEndings("\n").Split('\n'))
        {
            text.Append(StripLine(line)).Append('\n');
        }

        return text.ToString();
    }

    private static string StripLine(string line)
    {
        var trimmed = line.TrimStart();
        if (trimmed.Length == 0 || trimmed[0] is ';' or '#' or '/')
        {
            return line;
        }

        var quoted = false;
        var valueStart = line.IndexOf('=', StringComparison.Ordinal) + 1;
        for (var i = 1; i < line.Length; i++)
        {
            if (line[i] == '"' && i >= valueStart && valueStart > 0)
            {
                quoted = !quoted;
            }
            else if (!quoted && line[i] is ';' or '#' && char.IsWhiteSpace(line[i - 1]))
            {
                return line[..i].TrimEnd();
            }
        }

        return line;
    }
}
