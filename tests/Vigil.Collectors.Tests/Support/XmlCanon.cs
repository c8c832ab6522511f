using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace Vigil.Collectors.Tests.Support;

/// <summary>
/// Normalises a record's XML so that two renderings compare equal when they differ only in whitespace, attribute
/// order, escaping or self-closed empty elements. Oracle output that is not well-formed XML (libevtx leaves some
/// text unescaped) is compared through a textual normal form applied to both sides.
/// </summary>
internal static partial class XmlCanon
{
    public static bool Equivalent(string a, string b)
    {
        var ca = Structural(a);
        var cb = Structural(b);
        return ca is not null && cb is not null ? ca == cb : Textual(a) == Textual(b);
    }

    /// <summary>The two normal forms around their first difference.</summary>
    public static string Describe(string a, string b)
    {
        var ca = Structural(a) ?? Textual(a);
        var cb = Structural(b) ?? Textual(b);
        var at = 0;
        while (at < ca.Length && at < cb.Length && ca[at] == cb[at])
        {
            at++;
        }

        var from = Math.Max(0, at - 150);
        return $"  ours:   …{ca[from..Math.Min(ca.Length, at + 150)]}\n  theirs: …{cb[from..Math.Min(cb.Length, at + 150)]}";
    }

    private static string? Structural(string xml)
    {
        try
        {
            using var reader = XmlReader.Create(new StringReader(xml), new XmlReaderSettings { CheckCharacters = false, DtdProcessing = DtdProcessing.Ignore });
            var root = XElement.Load(reader);
            var sb = new StringBuilder();
            Write(root, sb);
            return sb.ToString();
        }
        catch (XmlException)
        {
            return null;
        }
    }

    private static void Write(XElement e, StringBuilder sb)
    {
        sb.Append('<').Append(e.Name.LocalName);
        foreach (var a in e.Attributes().Where(static a => !a.IsNamespaceDeclaration).OrderBy(static a => a.Name.LocalName, StringComparer.Ordinal))
        {
            sb.Append(' ').Append(a.Name.LocalName).Append("=\"").Append(a.Value).Append('"');
        }

        sb.Append('>');
        foreach (var node in e.Nodes())
        {
            if (node is XElement child)
            {
                Write(child, sb);
            }
            else if (node is XText text)
            {
                sb.Append(Spaces().Replace(text.Value, " ").Trim());
            }
        }

        sb.Append("</").Append(e.Name.LocalName).Append('>');
    }

    private static string Textual(string xml)
    {
        var s = SelfClosing().Replace(WebUtility.HtmlDecode(xml), "<$1$2></$1>");
        s = BetweenTags().Replace(s, "><");
        return Spaces().Replace(s, " ").Trim();
    }

    [GeneratedRegex(@"<([\w:.-]+)((?:\s+[\w:.-]+=""[^""]*"")*)\s*/>")]
    private static partial Regex SelfClosing();

    [GeneratedRegex(@">\s+<")]
    private static partial Regex BetweenTags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
