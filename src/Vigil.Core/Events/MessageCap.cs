using System.Globalization;

namespace Vigil.Core.Events;

/// <summary>
/// What one event's message may take: a runaway line (a 50 MB stack dump) is kept up to the cap with a marker saying
/// how long it was, so nothing downstream ever holds or renders it whole. Readers that see a line stream past apply
/// it early (with the count of what they dropped); the ingestor applies it to every event.
/// </summary>
public static class MessageCap
{
    /// <summary>64 KiB of characters: far above any real event message, far below what hurts.</summary>
    public const int MaxChars = 64 * 1024;

    // Room for the marker, so a cut message is itself within the cap and is never cut twice.
    private const int MarkerRoom = 80;

    /// <summary>
    /// <paramref name="text"/> cut to fit the cap, with a marker giving <paramref name="totalChars"/>, the length the
    /// whole message had (more than <paramref name="text"/> holds when the reader dropped part of it).
    /// </summary>
    public static string Cut(ReadOnlySpan<char> text, long totalChars)
    {
        var keep = Math.Min(text.Length, MaxChars - MarkerRoom);

        // Never cut a surrogate pair in half.
        if (keep > 0 && keep < text.Length && char.IsHighSurrogate(text[keep - 1]))
        {
            keep--;
        }

        return string.Create(CultureInfo.InvariantCulture, $"{text[..keep]} [truncated by Vigil: {totalChars:N0} characters in all]");
    }
}
