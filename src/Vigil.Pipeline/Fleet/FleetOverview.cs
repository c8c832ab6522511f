using Vigil.Core.Detection;
using Vigil.Core.Windows;
using Vigil.Storage;

namespace Vigil.Pipeline.Fleet;

/// <summary>
/// The hosts at a glance, from what the store already holds (the sources' counts and the stored verdicts, never the
/// events themselves, so it stays cheap for a large fleet). A host is anomalous when one of its sources had an
/// anomalous, unsuppressed hour in its last scored day, learning while none of its sources is trained, else ok.
/// </summary>
public static class FleetOverview
{
    /// <summary>How many scored hours make "the last scored day".</summary>
    public const int RecentHours = 24;

    /// <summary>A host silent for longer than this is looked at up to its last event, as a record of the past.</summary>
    private static readonly TimeSpan LiveWindow = TimeSpan.FromHours(48);

    public static async Task<IReadOnlyList<HostOverview>> ReadAsync(VigilContext context, string? host, CancellationToken cancellationToken)
    {
        var scopes = await HostScopes.ListAsync(context.Store, host, cancellationToken).ConfigureAwait(false);
        var clock = context.Clock.GetUtcNow().UtcDateTime;
        var hosts = new List<HostOverview>();
        foreach (var group in scopes.GroupBy(s => s.Host))
        {
            var sources = new List<ScopeRead>();
            foreach (var scope in group)
            {
                sources.Add(await ReadScopeAsync(context, scope, clock, cancellationToken).ConfigureAwait(false));
            }

            hosts.Add(Combine(group.Key, sources));
        }

        return hosts;
    }

    /// <param name="Rate">Events per hour over everything stored: its volume before any hour was scored.</param>
    private sealed record ScopeRead(HostSourceOverview Overview, IReadOnlyList<StoredVerdict> Recent, double Rate);

    private static async Task<ScopeRead> ReadScopeAsync(VigilContext context, HostScope scope, DateTime clock, CancellationToken cancellationToken)
    {
        var last = scope.Stored.LastEvent!.Value;
        // Verdicts of a silent host come after its last event (silence is scored), so look a day past it.
        var live = clock - last <= LiveWindow;
        var end = live ? HourRange.CeilingHour(clock) : HourRange.EndOfHour(last) + TimeSpan.FromHours(RecentHours);
        var window = await context.Store.GetVerdictsAsync(new VerdictScope([scope.Name]).Key, HourRange.Ending(end, 2 * RecentHours), cancellationToken).ConfigureAwait(false);
        IReadOnlyList<StoredVerdict> recent = window.Count == 0 ? [] : [.. window.Where(v => v.Hour.Summary.Hour > window[^1].Hour.Summary.Hour - TimeSpan.FromHours(RecentHours))];
        var trained = context.ModelsFor(scope.Name).Exists;
        var state = !trained ? ScopeState.Learning : recent.Any(v => v.Hour.Alerts) ? ScopeState.Anomalous : ScopeState.Ok;
        var learning = trained ? LearningWeek.Hours : LearningWeek.HoursSeen(scope.First, live ? HourRange.FloorHour(clock) : HourRange.EndOfHour(last));
        var overview = new HostSourceOverview(scope.Source, Name(state), learning, scope.Stored.Events, last, recent.Count == 0 ? null : recent[^1].Hour.Summary.Hour);
        var spanHours = Math.Max(1, (HourRange.EndOfHour(last) - HourRange.FloorHour(scope.First)).TotalHours);
        return new ScopeRead(overview, recent, scope.Stored.Events / spanHours);
    }

    private static HostOverview Combine(string host, List<ScopeRead> sources)
    {
        var states = sources.Select(s => s.Overview.State).ToList();
        var state = states.Contains(Name(ScopeState.Anomalous)) ? ScopeState.Anomalous : states.All(s => s == Name(ScopeState.Learning)) ? ScopeState.Learning : ScopeState.Ok;
        var byHour = sources.SelectMany(s => s.Recent).GroupBy(v => v.Hour.Summary.Hour).OrderBy(g => g.Key).ToList();
        var sparkline = byHour.Select(g => g.Sum(v => v.Hour.Summary.TotalEvents)).ToList();
        var lastEvent = sources.Max(s => s.Overview.LastEvent);
        var perHour = sparkline.Count > 0 ? sparkline.Average() : sources.Sum(s => s.Rate);
        return new HostOverview(
            host,
            Name(state),
            sources.Max(s => s.Overview.LearningHours),
            lastEvent,
            sources.Max(s => s.Overview.LastVerdict),
            byHour.Where(g => g.Any(v => v.Hour.Alerts)).Select(g => (DateTime?)g.Key).LastOrDefault(),
            Math.Round(perHour, 1),
            sparkline,
            [.. sources.Select(s => s.Overview)]);
    }

    private static string Name(ScopeState state) => state.ToString().ToLowerInvariant();
}
