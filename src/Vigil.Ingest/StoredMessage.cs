using Vigil.Core.Events;

namespace Vigil.Ingest;

/// <summary>Applies <see cref="MessageCap"/> to every event on its way into the store.</summary>
public static class StoredMessage
{
    public const int MaxChars = MessageCap.MaxChars;

    public static LogEvent Cap(LogEvent e) =>
        e.Message is { Length: > MaxChars } m ? e with { Message = MessageCap.Cut(m, m.Length) } : e;
}
