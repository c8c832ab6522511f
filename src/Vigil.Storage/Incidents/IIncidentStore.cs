namespace Vigil.Storage.Incidents;

/// <summary>
/// The incidents: detection saves them once its run is committed (a stop in between replans the same hours next time,
/// and the outbox ignores a page it already holds); the CLI and the API list and acknowledge them. On SQLite they live
/// in the instance's own file, on PostgreSQL in the shared database (one instance scores a scope's hour at a time).
/// </summary>
public interface IIncidentStore : IDisposable
{
    /// <summary>Writes the incidents as a run left them, all or none; an acknowledgement made meanwhile stays.</summary>
    Task SaveAsync(IReadOnlyList<IncidentRecord> incidents, CancellationToken cancellationToken);

    /// <summary>The newest incident of the source (by its last hour, then when it opened), or null.</summary>
    Task<IncidentRecord?> GetLatestAsync(string source, CancellationToken cancellationToken);

    /// <summary>Incidents, the most recently active first; only unresolved ones when <paramref name="openOnly"/>.</summary>
    Task<IReadOnlyList<IncidentRecord>> ListAsync(bool openOnly, int limit, CancellationToken cancellationToken);

    Task<IncidentRecord?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>Marks the incident acknowledged (the first acknowledgement and its note stand); null when there is no such incident.</summary>
    Task<IncidentRecord?> AcknowledgeAsync(string id, string? note, CancellationToken cancellationToken);
}
