using System.Globalization;
using Vigil.Core.Events;

namespace Vigil.Ingest;

/// <summary>
/// Caps what one event's message may take in the store: a runaway line (a 50 MB stack dump) is kept up to the cap with
/// a marker saying how long it was, so nothing downstream ever holds or renders it whole.
/// </summary>
public static class StoredMessage
{
    /// <summary>64 KiB of characters: far above any real event message, far below what hurts.</summary>
    public const int MaxChars = 64 * 1024;

    public static LogEvent Cap(LogEvent e)
    {
        if (e.Message is not { Length: > MaxChars } m)
        {
            return e;
        }

        // Never cut a surrogate pair in half.
        var keep = char.IsHighSurrogate(m[MaxChars - 1]) ? MaxChars - 1 : MaxChars;
        return e with { Message = string.Create(CultureInfo.InvariantCulture, $"{m.AsSpan(0, keep)} [truncated by Vigil: {m.Length:N0} characters in all]") };
    }
}
