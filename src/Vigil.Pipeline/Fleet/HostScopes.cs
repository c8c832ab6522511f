using Vigil.Core.Events;
using Vigil.Storage;

namespace Vigil.Pipeline.Fleet;

/// <summary>The host scopes in the store: every stored source named <c>host:NAME/SOURCE</c>, by host then source.</summary>
public static class HostScopes
{
    /// <summary>All host scopes, or those of <paramref name="host"/>; fails with one line when that host has none.</summary>
    public static async Task<IReadOnlyList<HostScope>> ListAsync(IEventStore store, string? host, CancellationToken cancellationToken)
    {
        var sources = await store.GetSourcesAsync(cancellationToken).ConfigureAwait(false);
        var all = new List<HostScope>();
        foreach (var stored in sources)
        {
            if (HostScope.TryFrom(stored, out var scope))
            {
                all.Add(scope);
            }
        }

        all.Sort((a, b) => (string.CompareOrdinal(a.Host, b.Host), string.CompareOrdinal(a.Source, b.Source)) switch
        {
            (0, var bySource) => bySource,
            (var byHost, _) => byHost,
        });
        if (host is null)
        {
            return all;
        }

        if (!HostSource.TryNormalizeHost(host, out var normal))
        {
            throw new PipelineException($"'{host}' is not a host name (letters, digits, '.', '-' and '_'); 'vigil detect --all-hosts' lists the hosts Vigil has data from");
        }

        var mine = all.Where(s => s.Host == normal).ToList();
        return mine.Count > 0
            ? mine
            : throw new PipelineException($"no events from host '{normal}' are stored: a host appears once it pushes logs (OTLP /v1/logs, syslog, vigil forward); 'vigil detect --all-hosts' lists the hosts Vigil has data from");
    }
}
