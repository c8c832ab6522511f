namespace Vigil.Core.Templates;

/// <summary>
/// The default masks as a hand-written scanner: numbers (with sign, decimals and dotted forms such as IPv4
/// addresses and versions), 0x-hex, long hex runs, UUIDs and absolute paths become <c>&lt;*&gt;</c> inside a token,
/// so <c>blk_-42</c> reads <c>blk_&lt;*&gt;</c> and <c>[10.0.0.1]</c> reads <c>[&lt;*&gt;]</c>. Digits glued to a
/// letter (<c>ssh2</c>, <c>eth0</c>) are part of a word and stay; the tree treats such tokens as variable anyway.
/// </summary>
internal static class TokenMasker
{
    public const string Wildcard = "<*>";

    private const int MinHexRun = 8;

    /// <summary>Appends the masked form of <paramref name="token"/> to <paramref name="output"/>.</summary>
    public static void Mask(ReadOnlySpan<char> token, TokenBuffer output)
    {
        var name = token.TrimEnd(",;)");
        if (IsHostName(name))
        {
            // A whole host name is one variable: "api-26.example.net:443" and "db-3.example.net:80" are the same slot.
            output.Append(Wildcard);
            foreach (var c in token[name.Length..])
            {
                output.Append(c);
            }

            return;
        }

        var j = 0;
        while (j < token.Length)
        {
            var afterWordChar = j > 0 && IsLetter(token[j - 1]);
            if (!afterWordChar)
            {
                var length = MatchVariable(token, j);
                if (length > 0)
                {
                    output.Append(Wildcard);
                    j += length;
                    continue;
                }
            }

            j += AppendChar(token, j, output);
        }
    }

    // A lone surrogate cannot survive a JSON round trip, so it is stored as U+FFFD from the start.
    private static int AppendChar(ReadOnlySpan<char> token, int index, TokenBuffer output)
    {
        var c = token[index];
        if (!char.IsSurrogate(c))
        {
            output.Append(c);
            return 1;
        }

        if (char.IsHighSurrogate(c) && index + 1 < token.Length && char.IsLowSurrogate(token[index + 1]))
        {
            output.Append(c);
            output.Append(token[index + 1]);
            return 2;
        }

        output.Append('\uFFFD');
        return 1;
    }

    private static int MatchVariable(ReadOnlySpan<char> token, int start)
    {
        var c = token[start];
        if (c == '/')
        {
            return MatchPath(token, start);
        }

        if (c == '-' && start + 1 < token.Length && char.IsAsciiDigit(token[start + 1])
            && (start == 0 || !char.IsAsciiLetterOrDigit(token[start - 1])))
        {
            var number = MatchNumber(token, start + 1);
            return number > 0 ? number + 1 : 0;
        }

        var dotted = MatchDottedName(token, start);
        if (dotted > 0)
        {
            return dotted;
        }

        if (!char.IsAsciiHexDigit(c))
        {
            return 0;
        }

        var uuid = MatchUuid(token, start);
        if (uuid > 0)
        {
            return uuid;
        }

        if (c == '0' && start + 2 < token.Length && (token[start + 1] | 0x20) == 'x' && char.IsAsciiHexDigit(token[start + 2]))
        {
            return 2 + HexRun(token, start + 2);
        }

        var hex = HexRun(token, start);
        if (hex >= MinHexRun && (start + hex == token.Length || !char.IsAsciiLetterOrDigit(token[start + hex]))
            && token.Slice(start, hex).ContainsAnyInRange('0', '9'))
        {
            return hex;
        }

        return char.IsAsciiDigit(c) ? MatchNumber(token, start) : 0;
    }

    /// <summary>Digits, optionally followed by more <c>.digits</c> groups (decimals, IPv4, versions).</summary>
    private static int MatchNumber(ReadOnlySpan<char> token, int start)
    {
        var end = start;
        while (true)
        {
            while (end < token.Length && char.IsAsciiDigit(token[end]))
            {
                end++;
            }

            // A dot not followed by a digit ends a sentence ("in 5.") rather than continuing the number.
            if (end + 1 < token.Length && token[end] == '.' && char.IsAsciiDigit(token[end + 1]))
            {
                end++;
                continue;
            }

            return end - start;
        }
    }

    private static int MatchUuid(ReadOnlySpan<char> token, int start)
    {
        const int length = 36;
        if (token.Length - start < length)
        {
            return 0;
        }

        var candidate = token.Slice(start, length);
        for (var i = 0; i < length; i++)
        {
            var dash = i is 8 or 13 or 18 or 23;
            if (dash ? candidate[i] != '-' : !char.IsAsciiHexDigit(candidate[i]))
            {
                return 0;
            }
        }

        return length;
    }

    /// <summary>An absolute path of at least two segments (<c>/var/log</c>), not a lone slash or <c>a/b</c>.</summary>
    private static int MatchPath(ReadOnlySpan<char> token, int start)
    {
        if (start > 0 && char.IsAsciiLetterOrDigit(token[start - 1]))
        {
            return 0;
        }

        var end = start;
        var slashes = 0;
        while (end < token.Length && IsPathChar(token[end]))
        {
            slashes += token[end] == '/' ? 1 : 0;
            end++;
        }

        // Trailing dots and commas end a sentence rather than the path.
        while (end > start && token[end - 1] is '.' or ',')
        {
            end--;
        }

        return slashes >= 2 && end - start > 3 ? end - start : 0;
    }

    /// <summary>
    /// <c>label.label.label[:port]</c> with a port, or with a label mixing letters and digits under a lower-case top
    /// label (<c>node-7.cluster.local</c>); a Java class (<c>org.acme.v2.Main</c>) ends in a capitalised name and stays.
    /// </summary>
    private static bool IsHostName(ReadOnlySpan<char> token)
    {
        var colon = token.LastIndexOf(':');
        var hasPort = colon > 0 && colon < token.Length - 1 && !token[(colon + 1)..].ContainsAnyExceptInRange('0', '9');
        var host = hasPort ? token[..colon] : token;
        if (host.Length < 5 || host.Count('.') < 2 || host[0] == '.' || host[^1] == '.' || host.Contains("..", StringComparison.Ordinal))
        {
            return false;
        }

        var digitLabel = false;
        foreach (var label in host.Split('.'))
        {
            var part = host[label];
            if (part.ContainsAnyExcept(HostChars))
            {
                return false;
            }

            digitLabel |= part.ContainsAnyInRange('0', '9') && part.ContainsAnyInRange('a', 'z');
        }

        var top = host[(host.LastIndexOf('.') + 1)..];
        return hasPort ? top.ContainsAnyInRange('a', 'z') : digitLabel && !top.ContainsAnyExceptInRange('a', 'z');
    }

    private static readonly System.Buffers.SearchValues<char> HostChars =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_");

    /// <summary>
    /// A lower-case dotted name of three or more labels (<c>com.example.app</c>, <c>ns.example.com</c>): a package or
    /// host name, which varies like an id. A Java class (<c>org.acme.Main</c>) ends in a capital and stays a word.
    /// </summary>
    private static int MatchDottedName(ReadOnlySpan<char> token, int start)
    {
        var end = start;
        var labels = 0;
        var lastLabel = start;
        while (true)
        {
            var labelStart = end;
            while (end < token.Length && (char.IsAsciiLetterLower(token[end]) || char.IsAsciiDigit(token[end]) || token[end] is '_' or '-'))
            {
                end++;
            }

            if (end == labelStart)
            {
                return 0;
            }

            labels++;
            lastLabel = labelStart;
            if (end + 1 < token.Length && token[end] == '.' && (char.IsAsciiLetterLower(token[end + 1]) || char.IsAsciiDigit(token[end + 1])))
            {
                end++;
                continue;
            }

            break;
        }

        var whole = end == token.Length || !(char.IsAsciiLetter(token[end]) || token[end] is '.' or '_');
        return labels >= 3 && whole && char.IsAsciiLetterLower(token[lastLabel]) && char.IsAsciiLetterLower(token[start]) ? end - start : 0;
    }

    private static int HexRun(ReadOnlySpan<char> token, int start)
    {
        var end = start;
        while (end < token.Length && char.IsAsciiHexDigit(token[end]))
        {
            end++;
        }

        return end - start;
    }

    private static bool IsPathChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '/' or '.' or '_' or '-' or '~' or '+';

    private static bool IsLetter(char c) => char.IsLetter(c);
}
