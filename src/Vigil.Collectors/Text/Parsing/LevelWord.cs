using Vigil.Core.Events;

namespace Vigil.Collectors.Text.Parsing;

/// <summary>
/// Finds the level word of an application log line among the first tokens after its timestamp:
/// <c>ERROR</c>, <c>[warn]</c>, <c>&lt;INFO&gt;</c>, <c>local.ERROR:</c>. Lower-case words count only as the first token,
/// so a message that happens to say "error" does not become one.
/// </summary>
internal static class LevelWord
{
    private const int MaxTokensBeforeLevel = 3;

    /// <summary>On success, <paramref name="afterLevel"/> is the index just past the level token.</summary>
    public static bool TryFind(ReadOnlySpan<char> line, int start, out int level, out int afterLevel)
    {
        level = 0;
        afterLevel = start;
        var i = start;
        for (var token = 0; token < MaxTokensBeforeLevel && i < line.Length; token++)
        {
            while (i < line.Length && line[i] == ' ')
            {
                i++;
            }

            var end = line[i..].IndexOf(' ');
            end = end < 0 ? line.Length : i + end;
            if (TryLevel(line[i..end], token == 0, out level))
            {
                afterLevel = end;
                return true;
            }

            i = end;
        }

        return false;
    }

    private static bool TryLevel(ReadOnlySpan<char> token, bool first, out int level)
    {
        level = 0;
        var bracketed = token.Length > 2 && ((token[0] == '[' && token[^1] == ']') || (token[0] == '<' && token[^1] == '>'));
        if (bracketed)
        {
            token = token[1..^1];
        }
        else if (token.Length > 1 && token[^1] == ':')
        {
            token = token[..^1];
        }

        var dot = token.LastIndexOf('.');
        if (dot >= 0)
        {
            token = token[(dot + 1)..];
        }

        if (token.Length is < 3 or > 11)
        {
            return false;
        }

        var upper = true;
        foreach (var c in token)
        {
            if (!char.IsAsciiLetter(c))
            {
                return false;
            }

            upper &= char.IsAsciiLetterUpper(c);
        }

        if (!upper && !bracketed && !first)
        {
            return false;
        }

        return TryName(token, out level);
    }

    /// <summary>A bare level name (3–11 letters): Serilog's three-letter forms, then the names <see cref="LevelMapping"/> knows.</summary>
    public static bool TryName(ReadOnlySpan<char> token, out int level)
    {
        level = token switch
        {
            "INF" => LevelMapping.Information,
            "WRN" => LevelMapping.Warning,
            "FTL" => LevelMapping.Critical,
            "DBG" or "VRB" or "TRC" => LevelMapping.Verbose,
            "ERR" => LevelMapping.Error,
            _ => -1,
        };
        if (level >= 0)
        {
            return true;
        }

        if (token.Length is < 3 or > 11 || !LevelMapping.TryParse(token.ToString(), out var parsed))
        {
            return false;
        }

        level = parsed.Value;
        return true;
    }
}
