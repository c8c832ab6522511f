using Vigil.Core.Rules;
using Vigil.Pipeline.Configuration;
using Vigil.Storage.Incidents;
using Vigil.Storage.Operator;

namespace Vigil.Pipeline.Operator;

/// <summary>
/// What an instance's own SQLite file still holds of the operator's state once it runs on <c>[store] kind =
/// postgresql</c> (it kept it there before) and the shared store lacks: windows, accepted kinds, false alarms and
/// incidents that no longer apply until <see cref="ImportAsync"/> copies them (<c>vigil operator import</c>). Nothing is
/// dropped silently: <c>vigil status</c> and <c>vigil serve</c> name them; the file keeps them either way.
/// </summary>
public sealed record LocalOperatorState(
    string Path,
    IReadOnlyList<MaintenanceWindow> Maintenance,
    IReadOnlyList<AcceptedKind> Accepted,
    IReadOnlyList<FalseAlarm> FalseAlarms,
    IReadOnlyList<IncidentRecord> Incidents)
{
    public bool IsEmpty => Maintenance.Count + Accepted.Count + FalseAlarms.Count + Incidents.Count == 0;

    /// <summary>"2 maintenance windows, 1 accepted kind, 3 false alarms, 4 incidents" (only what there is).</summary>
    public string Counts => string.Join(", ", new[]
    {
        Count(Maintenance.Count, "maintenance window"),
        Count(Accepted.Count, "accepted kind"),
        Count(FalseAlarms.Count, "false alarm"),
        Count(Incidents.Count, "incident"),
    }.Where(c => c is not null));

    /// <summary>The one line status and serve show while there is something to import.</summary>
    public string Notice =>
        $"{Path} (this instance's SQLite file) holds {Counts} that the shared PostgreSQL store does not: they no longer apply. 'vigil operator import' copies them there (the file keeps them).";

    /// <summary>
    /// What the SQLite file at <c>[vigil] data_dir</c> holds that the shared store of <paramref name="context"/> does
    /// not; null on SQLite (the file is the store) or when there is no such file (nothing is created).
    /// </summary>
    public static async Task<LocalOperatorState?> FindAsync(VigilContext context, CancellationToken cancellationToken)
    {
        var path = context.Config.Vigil.StorePath;
        if (context.Config.Store.Kind != StoreKind.Postgresql || !File.Exists(path))
        {
            return null;
        }

        using var local = SqliteOperatorStore.Open(path, context.Clock);
        using var localIncidents = SqliteIncidentStore.Open(path, context.Clock);
        var shared = context.OperatorState;

        var windows = await shared.ListMaintenanceAsync(cancellationToken).ConfigureAwait(false);
        var accepted = (await shared.ListAcceptedAsync(cancellationToken).ConfigureAwait(false)).Select(a => a.Kind).ToHashSet(StringComparer.Ordinal);
        var alarms = (await shared.ListFalseAlarmsAsync(cancellationToken).ConfigureAwait(false)).Select(a => (a.Hour, a.Host)).ToHashSet();
        var incidents = new List<IncidentRecord>();
        foreach (var incident in await localIncidents.ListAsync(openOnly: false, int.MaxValue, cancellationToken).ConfigureAwait(false))
        {
            if (await context.Incidents.GetAsync(incident.Id, cancellationToken).ConfigureAwait(false) is null)
            {
                incidents.Add(incident);
            }
        }

        return new LocalOperatorState(
            System.IO.Path.GetFullPath(path),
            [.. (await local.ListMaintenanceAsync(cancellationToken).ConfigureAwait(false)).Where(w => !windows.Any(s => SameWindow(s, w)))],
            [.. (await local.ListAcceptedAsync(cancellationToken).ConfigureAwait(false)).Where(a => !accepted.Contains(a.Kind))],
            [.. (await local.ListFalseAlarmsAsync(cancellationToken).ConfigureAwait(false)).Where(a => !alarms.Contains((a.Hour, a.Host)))],
            incidents);
    }

    /// <summary>
    /// Copies all of it into the shared store of <paramref name="context"/>. A window gets a new id there; what was set
    /// there meanwhile (the same window, kind or (hour, host), an incident of the same id) stays as it is.
    /// </summary>
    public async Task ImportAsync(VigilContext context, CancellationToken cancellationToken)
    {
        var shared = context.OperatorState;
        foreach (var window in Maintenance)
        {
            await shared.AddMaintenanceAsync(window.From, window.To, window.Reason, window.Host, cancellationToken).ConfigureAwait(false);
        }

        foreach (var kind in Accepted)
        {
            await shared.AcceptAsync(kind.Kind, cancellationToken).ConfigureAwait(false);
        }

        foreach (var alarm in FalseAlarms)
        {
            await shared.AddFalseAlarmAsync(alarm.Hour, alarm.Host, alarm.Note, cancellationToken).ConfigureAwait(false);
        }

        await context.Incidents.SaveAsync(Incidents, cancellationToken).ConfigureAwait(false);
    }

    private static bool SameWindow(MaintenanceWindow a, MaintenanceWindow b) =>
        a.From == b.From && a.To == b.To && string.Equals(a.Reason, b.Reason, StringComparison.Ordinal) && string.Equals(a.Host, b.Host, StringComparison.Ordinal);

    private static string? Count(int n, string what) => n == 0 ? null : $"{n} {what}{(n == 1 ? string.Empty : "s")}";
}
