using Vigil.Storage.Incidents;

namespace Vigil.Pipeline.Alerting;

/// <summary>The incidents for the CLI and the API alike: list them, acknowledge one. An unknown id is the operator's to fix (one line).</summary>
public sealed class IncidentBook : IDisposable
{
    public const int DefaultLimit = 100;

    private readonly IIncidentStore _store;
    private readonly bool _ownsStore;

    /// <summary>For one verb: opens the incidents on the configured engine, closed with this.</summary>
    public IncidentBook(Configuration.VigilConfig config, TimeProvider? clock = null)
    {
        _store = StoreOpener.OpenIncidentStore(config, clock ?? TimeProvider.System);
        _ownsStore = true;
    }

    /// <summary>For a service: on the incidents <paramref name="context"/> holds open.</summary>
    public IncidentBook(VigilContext context) => _store = context.Incidents;

    public Task<IReadOnlyList<IncidentRecord>> ListAsync(bool openOnly, int limit, CancellationToken cancellationToken) => _store.ListAsync(openOnly, limit, cancellationToken);

    /// <summary>Acknowledges the incident: someone is on it, its updates page nobody (its resolution still does). Acknowledging twice keeps the first.</summary>
    public async Task<IncidentRecord> AcknowledgeAsync(string id, string? note, CancellationToken cancellationToken) =>
        await _store.AcknowledgeAsync(id.Trim(), string.IsNullOrWhiteSpace(note) ? null : note.Trim(), cancellationToken).ConfigureAwait(false)
            ?? throw new PipelineException($"there is no incident '{id}'; 'vigil incidents' lists them");

    public void Dispose()
    {
        if (_ownsStore)
        {
            _store.Dispose();
        }
    }
}
