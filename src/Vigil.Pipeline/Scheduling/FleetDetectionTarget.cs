using Vigil.Core.Detection;
using Vigil.Core.Windows;
using Vigil.Pipeline.Fleet;

namespace Vigil.Pipeline.Scheduling;

/// <summary>
/// Scores every host scope hour by hour for the scheduler, sharing the work with any other <c>vigil serve</c> on the
/// same store: each (scope, hour) is claimed first, so exactly one instance scores it, and marked done once its
/// verdict is stored. An instance that dies mid-run holds its claims only until the lease runs out; the next boundary
/// of any instance finds those hours unscored and scores them (hence the wider catch-up window, <see cref="CatchUpHours"/>).
/// A scope that reaches a week is trained on the way (<see cref="FleetService.ScoreAsync"/>); hours of a learning scope
/// are done without a verdict.
/// </summary>
public sealed class FleetDetectionTarget : IHourlyDetectionTarget
{
    /// <summary>How far back the scheduler looks for unscored host hours: a day covers a dead instance and a restart.</summary>
    public const int CatchUpHours = 24;

    /// <summary>How long a claim holds: far longer than one scope's run, short enough for the next boundary to take over.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(15);

    private readonly VigilContext _context;
    private readonly Action<string> _warn;

    public FleetDetectionTarget(VigilContext context, Action<string> warn, string? instance = null)
    {
        _context = context;
        _warn = warn;
        Instance = instance ?? $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";
    }

    /// <summary>This instance's name in the claims.</summary>
    public string Instance { get; }

    /// <summary>Always the catch-up window: which hours are done is known per scope from the claims, not from one watermark.</summary>
    public Task<DateTime?> GetLastScoredHourEndAsync(CancellationToken cancellationToken) => Task.FromResult<DateTime?>(null);

    public async Task ScoreAsync(HourRange hours, CancellationToken cancellationToken)
    {
        var store = _context.Store;
        var fleet = new FleetService(_context);
        var failures = new List<string>();
        foreach (var scope in await HostScopes.ListAsync(store, null, cancellationToken).ConfigureAwait(false))
        {
            // One instance takes a scope for this tick, so two never train its first model at once (each claiming
            // alternate hours would); the hour claims below still decide which hours are scored. Not completed: it
            // lapses with the lease, and the next tick (another range start) is a fresh claim any instance may win.
            var key = new VerdictScope([scope.Name]).Key;
            if (!await store.TryClaimAsync(key + "#tick", hours.Start, Instance, _context.Clock.GetUtcNow().UtcDateTime, Lease, cancellationToken).ConfigureAwait(false))
            {
                continue;
            }

            // Scores nothing before the scope's first event: those hours are not news, and not worth a claim.
            var claimed = new List<DateTime>();
            for (var hour = hours.Start < HourRange.FloorHour(scope.First) ? HourRange.FloorHour(scope.First) : hours.Start; hour < hours.End; hour += HourRange.Hour)
            {
                if (await store.TryClaimAsync(key, hour, Instance, _context.Clock.GetUtcNow().UtcDateTime, Lease, cancellationToken).ConfigureAwait(false))
                {
                    claimed.Add(hour);
                }
            }

            foreach (var run in Runs(claimed))
            {
                var outcome = await fleet.ScoreAsync(scope, run, _warn, cancellationToken).ConfigureAwait(false);
                if (outcome.Error is not null)
                {
                    // Left claimed: the lease runs out and the next boundary tries these hours again.
                    failures.Add($"{scope.Name}: {outcome.Error}");
                    continue;
                }

                for (var hour = run.Start; hour < run.End; hour += HourRange.Hour)
                {
                    await store.CompleteClaimAsync(key, hour, Instance, cancellationToken).ConfigureAwait(false);
                }
            }
        }

        if (failures.Count > 0)
        {
            throw new PipelineException($"{failures.Count} host source{(failures.Count == 1 ? string.Empty : "s")} could not be scored: {string.Join("; ", failures.Take(3))}");
        }
    }

    /// <summary>The claimed hours as runs of consecutive hours, each scored in one detection.</summary>
    private static IEnumerable<HourRange> Runs(List<DateTime> hours)
    {
        for (var i = 0; i < hours.Count;)
        {
            var j = i + 1;
            while (j < hours.Count && hours[j] == hours[j - 1] + HourRange.Hour)
            {
                j++;
            }

            yield return new HourRange(hours[i], hours[j - 1] + HourRange.Hour);
            i = j;
        }
    }
}
