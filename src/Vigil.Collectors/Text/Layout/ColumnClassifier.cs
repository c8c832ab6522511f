using Vigil.Collectors.Text.Parsing;
using Vigil.Core.Events;

namespace Vigil.Collectors.Text.Layout;

/// <summary>Tells what one column token is; a token may be several kinds at once (<c>[error]</c> is a level and a bracket).</summary>
internal static class ColumnClassifier
{
    public static bool Is(ColumnKind kind, ReadOnlySpan<char> token, LineContext context) => kind switch
    {
        ColumnKind.Level => TryLevel(token, out _),
        ColumnKind.Time => IsTime(token, context),
        ColumnKind.Tag => token.Length > 1 && token[^1] == ':' && token[0] != ':',
        ColumnKind.Bracket => token.Length > 1 && token[0] == '[' && (token[^1] == ']' || token.EndsWith("]:")),
        ColumnKind.Dash => token is "-",
        ColumnKind.Number => token.Length is > 0 and <= 12 && !token.ContainsAnyExceptInRange('0', '9'),
        _ => true,
    };

    /// <summary>A level word, stripped of brackets, a trailing colon and a <c>module:</c> or <c>channel.</c> prefix.</summary>
    public static bool TryLevel(ReadOnlySpan<char> token, out int level)
    {
        level = LevelMapping.Information;
        if (token.Length > 2 && ((token[0] == '[' && token[^1] == ']') || (token[0] == '<' && token[^1] == '>')))
        {
            token = token[1..^1];
        }
        else if (token.Length > 1 && token[^1] == ':')
        {
            token = token[..^1];
        }

        var cut = token.LastIndexOfAny('.', ':');
        if (cut >= 0)
        {
            token = token[(cut + 1)..];
        }

        if (token.Length == 1)
        {
            // Android logcat and glog write one letter: V D I W E F (A for assert).
            level = token[0] switch
            {
                'V' or 'D' => LevelMapping.Verbose,
                'I' => LevelMapping.Information,
                'W' => LevelMapping.Warning,
                'E' => LevelMapping.Error,
                'F' or 'A' => LevelMapping.Critical,
                _ => -1,
            };
            return level >= 0;
        }

        if (token.Length is < 3 or > 11 || token.ContainsAnyExcept(LetterSet))
        {
            return false;
        }

        return LevelWord.TryName(token, out level);
    }

    private static readonly System.Buffers.SearchValues<char> LetterSet =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");

    /// <summary>A date or a time: a whole timestamp, or <c>yyyy.MM.dd</c>, <c>HH:mm:ss[.fff]</c> alone.</summary>
    private static bool IsTime(ReadOnlySpan<char> token, LineContext context)
    {
        if (token.Length < 8)
        {
            return false;
        }

        if (TimestampReader.TryReadAny(token, 0, context, out var style, out _) > 0 && style != TimestampStyle.Epoch)
        {
            return true;
        }

        if (NumericDates.ReadTime(token, 0, out _, out _, out _, out var separator) > 0 && separator == ':')
        {
            return true;
        }

        return token.Length >= 10 && Digits.TryRead(token, 0, 4, out var year) && token[4] is '-' or '.' or '/' && token[7] == token[4]
            && Digits.TryRead(token, 5, 2, out var month) && Digits.TryRead(token, 8, 2, out var day) && TimeParts.ValidDate(year, month, day);
    }
}
