using System.Globalization;
using Vigil.Core.Events;
using Vigil.Core.Rules;
using Vigil.Core.Windows;
using Vigil.Pipeline.Configuration;
using Vigil.Storage.Operator;

namespace Vigil.Pipeline.Operator;

/// <summary>
/// What an operator can tell Vigil, for the CLI and the API alike: maintenance windows and kinds accepted as normal.
/// Bad input fails with one line (<see cref="PipelineException"/>) naming what is wrong. This is the one place that
/// checks it, whichever engine keeps it.
/// </summary>
public sealed class OperatorActions : IDisposable
{
    private readonly IOperatorStore _store;
    private readonly Storage.IEventStore? _events;
    private readonly bool _ownsStore;

    /// <summary>For one verb: opens the operator's state on the configured engine, closed with this.</summary>
    public OperatorActions(VigilConfig config, TimeProvider? clock = null)
    {
        _store = StoreOpener.OpenOperatorStore(config, clock ?? TimeProvider.System);
        _ownsStore = true;
    }

    /// <summary>For a service: on the operator's state <paramref name="context"/> holds open.</summary>
    public OperatorActions(VigilContext context)
    {
        _store = context.OperatorState;
        _events = context.Store;
    }

    public Task<MaintenanceWindow> AddMaintenanceAsync(string from, string to, string? reason, CancellationToken cancellationToken) =>
        AddMaintenanceAsync(from, to, reason, host: null, cancellationToken);

    /// <summary>Declares a window of <paramref name="host"/> (only its scopes' pages are suppressed), or of every host when it is null or blank.</summary>
    public Task<MaintenanceWindow> AddMaintenanceAsync(string from, string to, string? reason, string? host, CancellationToken cancellationToken)
    {
        var start = ParseTime("--from", from);
        var end = ParseTime("--to", to);
        if (end <= start)
        {
            throw new PipelineException($"maintenance window: --to ({end:yyyy-MM-dd HH:mm} UTC) must be after --from ({start:yyyy-MM-dd HH:mm} UTC)");
        }

        return _store.AddMaintenanceAsync(start, end, string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(), NormalizeHost(host), cancellationToken);
    }

    public Task<IReadOnlyList<MaintenanceWindow>> ListMaintenanceAsync(CancellationToken cancellationToken) => _store.ListMaintenanceAsync(cancellationToken);

    public async Task RemoveMaintenanceAsync(long id, CancellationToken cancellationToken)
    {
        if (!await _store.RemoveMaintenanceAsync(id, cancellationToken).ConfigureAwait(false))
        {
            throw new PipelineException($"there is no maintenance window {id}; 'vigil maintenance list' shows them");
        }
    }

    /// <summary>Accepts a kind; returns its stored spelling. Accepting it twice is not an error.</summary>
    public async Task<string> AcceptAsync(string kind, CancellationToken cancellationToken)
    {
        var normalized = Normalize(kind);
        await _store.AcceptAsync(normalized, cancellationToken).ConfigureAwait(false);
        return normalized;
    }

    public async Task<string> RemoveAcceptedAsync(string kind, CancellationToken cancellationToken)
    {
        var normalized = Normalize(kind);
        if (!await _store.RemoveAcceptedAsync(normalized, cancellationToken).ConfigureAwait(false))
        {
            throw new PipelineException($"'{normalized}' is not an accepted kind; 'vigil status' lists them");
        }

        return normalized;
    }

    public Task<IReadOnlyList<AcceptedKind>> ListAcceptedAsync(CancellationToken cancellationToken) => _store.ListAcceptedAsync(cancellationToken);

    /// <summary>Records that the hour starting at <paramref name="hour"/> (the seed's <c>YYYY-MM-DD HH:00:00</c>) was a false alarm on every host; returns the hour.</summary>
    public async Task<DateTime> AddFalseAlarmAsync(string hour, string? note, CancellationToken cancellationToken) =>
        (await AddFalseAlarmAsync(hour, host: null, note, cancellationToken).ConfigureAwait(false)).Hour;

    /// <summary>
    /// Records that the hour was a false alarm of <paramref name="host"/> (only that host's scopes learn it), or of
    /// every host when it is null or blank; returns the hour and the host as stored (normalised, null for every host).
    /// On a service's context the host must be one the store has events from.
    /// </summary>
    public async Task<(DateTime Hour, string? Host)> AddFalseAlarmAsync(string hour, string? host, string? note, CancellationToken cancellationToken)
    {
        var normal = NormalizeHost(host);
        if (normal is not null && _events is not null)
        {
            // A false alarm of a host Vigil has no data from would teach nothing: most likely a misspelt name.
            await Fleet.HostScopes.ListAsync(_events, normal, cancellationToken).ConfigureAwait(false);
        }

        var time = ParseTime("hour", hour);
        if (time != HourRange.FloorHour(time))
        {
            throw new PipelineException($"hour '{hour}' is not the start of an hour; give it as verdicts show it, e.g. \"2026-02-16 14:00:00\"");
        }

        await _store.AddFalseAlarmAsync(time, normal, string.IsNullOrWhiteSpace(note) ? null : note.Trim(), cancellationToken).ConfigureAwait(false);
        return (time, normal);
    }

    public Task<IReadOnlyList<FalseAlarm>> ListFalseAlarmsAsync(CancellationToken cancellationToken) => _store.ListFalseAlarmsAsync(cancellationToken);

    public void Dispose()
    {
        if (_ownsStore)
        {
            _store.Dispose();
        }
    }

    /// <summary>An ISO 8601 time; without an offset it is UTC, as every time Vigil prints.</summary>
    public static DateTime ParseTime(string what, string text) =>
        DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            ? time
            : throw new PipelineException($"{what} '{text}' is not a time; give ISO 8601, e.g. 2026-03-01T02:00 (UTC unless it carries an offset)");

    /// <summary>A host as receivers store it (lower case), null for every host; a name that is not a host name is one line.</summary>
    private static string? NormalizeHost(string? host)
    {
        if (string.IsNullOrWhiteSpace(host))
        {
            return null;
        }

        return HostSource.TryNormalizeHost(host, out var normal)
            ? normal
            : throw new PipelineException($"host '{host}' is not a host name: give it as GET /hosts shows it (letters, digits, '.', '-', '_'), or name no host for every host");
    }

    private static string Normalize(string kind)
    {
        try
        {
            return AcceptedKinds.Normalize(kind);
        }
        catch (ArgumentException)
        {
            throw new PipelineException($"'{kind}' is not a kind: give Provider/EventId (e.g. 'Service Control Manager/7045') or a template id ('vigil templates' lists them)");
        }
    }
}
