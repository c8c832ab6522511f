using Vigil.Core.Rules;

namespace Vigil.Storage.Operator;

/// <summary>
/// What the operator told Vigil: maintenance windows, kinds accepted as normal, hours called false alarms. Each detect
/// run reads them; only the operator's verbs (CLI and API) write them. On SQLite they live in the instance's own file,
/// on PostgreSQL in the shared database, so every instance on it honours what was set through any one of them.
/// Input is checked by the caller (<c>OperatorActions</c>); an engine only keeps it.
/// </summary>
public interface IOperatorStore : IDisposable
{
    /// <summary>
    /// Adds a window (UTC, <paramref name="from"/> before <paramref name="to"/>) of <paramref name="host"/> (normalised
    /// by the caller), or of every host when null, and returns it with its new id.
    /// </summary>
    Task<MaintenanceWindow> AddMaintenanceAsync(DateTime from, DateTime to, string? reason, string? host, CancellationToken cancellationToken);

    /// <summary>Every window, earliest first (by start, then id).</summary>
    Task<IReadOnlyList<MaintenanceWindow>> ListMaintenanceAsync(CancellationToken cancellationToken);

    /// <summary>Removes a window; false when there is none of that id. Verdicts already suppressed stay as they were stored.</summary>
    Task<bool> RemoveMaintenanceAsync(long id, CancellationToken cancellationToken);

    /// <summary>Accepts a kind, spelled as <see cref="AcceptedKinds.Normalize"/> spells it; false when it was already accepted.</summary>
    Task<bool> AcceptAsync(string kind, CancellationToken cancellationToken);

    /// <summary>Stops accepting a kind (spelled as stored); false when it was not accepted.</summary>
    Task<bool> RemoveAcceptedAsync(string kind, CancellationToken cancellationToken);

    /// <summary>The accepted kinds, in ordinal order.</summary>
    Task<IReadOnlyList<AcceptedKind>> ListAcceptedAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Records (or re-notes) the hour starting at <paramref name="hour"/> as a false alarm of <paramref name="host"/>
    /// (normalised by the caller), or of every host when null; one row per (hour, host).
    /// </summary>
    Task AddFalseAlarmAsync(DateTime hour, string? host, string? note, CancellationToken cancellationToken);

    /// <summary>The hours called false alarms, earliest first (then every-host before named hosts, hosts in ordinal order).</summary>
    Task<IReadOnlyList<FalseAlarm>> ListFalseAlarmsAsync(CancellationToken cancellationToken);
}
