using System.Diagnostics.CodeAnalysis;
using Vigil.Core.Events;
using Vigil.Storage;

namespace Vigil.Pipeline.Fleet;

/// <summary>One host's share of one pushed source (<c>host:NAME/SOURCE</c> in the store), with what the store holds of it.</summary>
public sealed record HostScope(string Host, string Source, SourceSummary Stored)
{
    /// <summary>The stored source name: the scope's events, verdict scope and model file are all keyed on it.</summary>
    public string Name => Stored.Name;

    /// <summary>The scope's first stored event (UTC): how long it has been learning.</summary>
    public DateTime First => Stored.FirstEvent!.Value;

    /// <summary>The scope of a stored source; false for a local source (<c>file:</c>, <c>evtx:</c> …), a malformed name, or no events.</summary>
    public static bool TryFrom(SourceSummary stored, [NotNullWhen(true)] out HostScope? scope)
    {
        scope = null;
        if (stored.FirstEvent is null || !HostSource.TryParse(stored.Name, out var host, out var source) || !HostSource.TryNormalizeHost(host, out var normal) || normal != host)
        {
            return false;
        }

        scope = new HostScope(host, source, stored);
        return true;
    }
}
