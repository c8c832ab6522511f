namespace Vigil.Core.Windows;

/// <summary>What kind of event: its provider and event id (or template id for text sources).</summary>
public readonly record struct EventKey(string Provider, long EventId)
{
    public override string ToString() => $"{Provider}/{EventId}";
}
