using System.Text.RegularExpressions;

namespace Vigil.Core.Templates;

/// <summary>
/// Splits a message at whitespace and control characters and masks each token. User masks, when configured,
/// run as regular expressions over the whole message first; the built-in masks are a scanner, not regexes.
/// </summary>
internal sealed class MessageTokenizer
{
    private static readonly TimeSpan MaskTimeout = TimeSpan.FromSeconds(1);

    private readonly Regex[] _extraMasks;

    public MessageTokenizer(IReadOnlyList<string> extraMasks)
    {
        _extraMasks = new Regex[extraMasks.Count];
        for (var i = 0; i < extraMasks.Count; i++)
        {
            try
            {
                _extraMasks[i] = new Regex(extraMasks[i], RegexOptions.CultureInvariant | RegexOptions.Compiled, MaskTimeout);
            }
            catch (ArgumentException e)
            {
                throw new ArgumentException($"Template mask #{i + 1} '{extraMasks[i]}' is not a valid regular expression: {e.Message}", nameof(extraMasks), e);
            }
        }
    }

    public void Tokenize(ReadOnlySpan<char> message, TokenBuffer output)
    {
        output.Clear();
        if (_extraMasks.Length > 0)
        {
            var text = message.ToString();
            foreach (var mask in _extraMasks)
            {
                try
                {
                    text = mask.Replace(text, TokenMasker.Wildcard);
                }
                catch (RegexMatchTimeoutException)
                {
                    // A pathological pattern on one odd line must not stop mining; that line just stays unmasked.
                }
            }

            message = text;
        }

        var i = 0;
        while (i < message.Length)
        {
            while (i < message.Length && IsSeparator(message[i]))
            {
                i++;
            }

            var start = i;
            while (i < message.Length && !IsSeparator(message[i]))
            {
                i++;
            }

            if (i > start)
            {
                output.BeginToken();
                TokenMasker.Mask(message[start..i], output);
                output.EndTokenCollapsingRepeats();
            }
        }
    }

    private static bool IsSeparator(char c) => c <= ' ';
}
