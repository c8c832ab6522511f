using System.Text;
using System.Text.RegularExpressions;

namespace Vigil.Collectors.Text.Layout;

/// <summary>
/// A layout given by the operator for a file inference gets wrong: loghub's notation
/// (<c>&lt;Date&gt; &lt;Time&gt; &lt;Level&gt; &lt;Component&gt;: &lt;Content&gt;</c>, text between fields is a regular
/// expression in which blanks match any run of blanks) or a .NET regular expression with named groups. The time comes
/// from <c>Timestamp</c>, else <c>Date</c> + <c>Time</c>, else <c>Month</c> + <c>Day</c> + <c>Time</c>; the message from
/// <c>Content</c> or <c>Message</c>; <c>Level</c>, <c>Component</c>/<c>Program</c>/<c>Logger</c> and <c>Host</c>/<c>Node</c> when present.
/// </summary>
internal static partial class FormatPattern
{
    public static readonly string[] TimeGroups = ["Timestamp", "Date", "Month", "Day", "Time"];

    public static readonly string[] ContentGroups = ["Content", "Message"];

    public static readonly string[] ProviderGroups = ["Component", "Program", "Logger", "Tag", "Process"];

    public static readonly string[] HostGroups = ["Host", "Node", "Hostname"];

    private static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(200);

    /// <exception cref="SourceException">The format is not valid, or names no time or no message.</exception>
    public static Regex Compile(string format, string where)
    {
        var pattern = format.Contains("(?<", StringComparison.Ordinal) ? format : FromFieldNotation(format);
        Regex regex;
        try
        {
            regex = new Regex(pattern, RegexOptions.CultureInvariant | RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture, Timeout);
        }
        catch (ArgumentException ex)
        {
            throw new SourceException($"{where}: format '{format}' is not a valid pattern: {ex.Message}", ex);
        }

        var names = regex.GetGroupNames();
        if (!names.Any(n => TimeGroups.Contains(n, StringComparer.OrdinalIgnoreCase)) || !names.Any(n => ContentGroups.Contains(n, StringComparer.OrdinalIgnoreCase)))
        {
            throw new SourceException($"{where}: format '{format}' needs a time field (<Timestamp>, or <Date> and <Time>) and a <Content> field");
        }

        return regex;
    }

    private static string FromFieldNotation(string format)
    {
        var parts = FieldWhole().Split(format);
        var regex = new StringBuilder("^");
        var fields = Field().Matches(format).Count;
        var seen = 0;
        foreach (var part in parts)
        {
            var m = Field().Match(part);
            if (m.Success && m.Value == part)
            {
                var name = m.Groups[1].Value;
                regex.Append(++seen == fields ? $"(?<{name}>.*)" : $"(?<{name}>.*?)");
            }
            else
            {
                regex.Append(Blanks().Replace(part, @"\s+"));
            }
        }

        return regex.Append('$').ToString();
    }

    [GeneratedRegex(@"<([A-Za-z][A-Za-z0-9_]*)>")]
    private static partial Regex Field();

    [GeneratedRegex(@"(<[A-Za-z][A-Za-z0-9_]*>)")]
    private static partial Regex FieldWhole();

    [GeneratedRegex(" +")]
    private static partial Regex Blanks();
}
