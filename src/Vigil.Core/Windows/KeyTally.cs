using Vigil.Core.Events;

namespace Vigil.Core.Windows;

/// <summary>How often one <see cref="EventKey"/> occurred in an hour, its worst level and one message to show.</summary>
public sealed class KeyTally
{
    public int Count { get; internal set; }

    public Severity Worst { get; internal set; }

    public string? Sample { get; internal set; }
}
