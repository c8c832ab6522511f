using Vigil.Core;
using Vigil.Core.Windows;

namespace Vigil.Pipeline.Fleet;

/// <summary>
/// Setup and detect for the hosts that push their logs: each host scope (<c>host:NAME/SOURCE</c>) goes through the one
/// setup and the one scoring road on its own, with its own model file and verdicts, so a busy web server and a quiet
/// domain controller each have their own normal. A scope still short of a week is learning; one that has a week is
/// trained the first time it is due for scoring. One scope's error is reported and the others go on.
/// </summary>
public sealed class FleetService
{
    private readonly VigilContext _context;

    public FleetService(VigilContext context) => _context = context;

    /// <summary>"Now" for a fleet run: <c>--now</c>, else the start of the clock's current hour (pushed data is live).</summary>
    public DateTime Now(DateTime? given) => given ?? HourRange.FloorHour(_context.Clock.GetUtcNow().UtcDateTime);

    /// <summary>
    /// Trains every scope of <paramref name="host"/> (all hosts when null) on the week before <paramref name="now"/>;
    /// a scope with less than a week of logs is learning unless <paramref name="force"/>d.
    /// </summary>
    public async Task<IReadOnlyList<ScopeOutcome>> SetupAsync(string? host, DateTime? now, bool force, Action<string> warn, CancellationToken cancellationToken)
    {
        var end = Now(now);
        var outcomes = new List<ScopeOutcome>();
        foreach (var scope in await ScopesAsync(host, cancellationToken).ConfigureAwait(false))
        {
            var seen = LearningWeek.HoursSeen(scope.First, end);
            if (seen < LearningWeek.Hours && !force)
            {
                var note = $"{scope.Name} is {LearningWeek.Describe(seen)}: it is trained once it has a week of logs; pass --force to train on what there is";
                outcomes.Add(new ScopeOutcome(scope, ScopeState.Learning, seen) { Note = note });
                continue;
            }

            outcomes.Add(await ForScopeAsync(scope, seen, warn, async scoped =>
            {
                var (trained, note) = await TrainAsync(scope, end, force, scoped, cancellationToken).ConfigureAwait(false);
                return trained is null
                    ? new ScopeOutcome(scope, ScopeState.Learning, seen) { Note = note }
                    : new ScopeOutcome(scope, ScopeState.Ok, LearningWeek.Hours) { Trained = trained };
            }).ConfigureAwait(false));
        }

        return outcomes;
    }

    /// <summary>Scores the <paramref name="hours"/> hours before <paramref name="now"/> for every scope of <paramref name="host"/> (all when null).</summary>
    public async Task<IReadOnlyList<ScopeOutcome>> DetectAsync(string? host, DateTime? now, int? hours, Action<string> warn, CancellationToken cancellationToken)
    {
        var range = HourRange.Ending(Now(now), hours ?? _context.Config.Detection.CollectionHours);
        var outcomes = new List<ScopeOutcome>();
        foreach (var scope in await ScopesAsync(host, cancellationToken).ConfigureAwait(false))
        {
            outcomes.Add(await ScoreAsync(scope, range, warn, cancellationToken).ConfigureAwait(false));
        }

        return outcomes;
    }

    /// <summary>
    /// Scores one scope over <paramref name="range"/>; a scope without a model is trained first on the week before the
    /// range when it has one, else it is learning and nothing is scored.
    /// </summary>
    public Task<ScopeOutcome> ScoreAsync(HostScope scope, HourRange range, Action<string> warn, CancellationToken cancellationToken)
    {
        var seen = LearningWeek.HoursSeen(scope.First, range.Start);
        return ForScopeAsync(scope, seen, warn, async scoped =>
        {
            SetupResult? trained = null;
            if (!_context.ModelsFor(scope.Name).Exists)
            {
                if (seen < LearningWeek.Hours)
                {
                    return new ScopeOutcome(scope, ScopeState.Learning, seen);
                }

                (trained, var note) = await TrainAsync(scope, range.Start, false, scoped, cancellationToken).ConfigureAwait(false);
                if (trained is null)
                {
                    return new ScopeOutcome(scope, ScopeState.Learning, seen) { Note = note };
                }
            }

            var report = await new DetectService(_context).RunAsync(new RunRequest(Now: range.End, Hours: range.Hours, Scope: scope.Name), null, scoped, cancellationToken).ConfigureAwait(false);
            return new ScopeOutcome(scope, report.Anomalies.Count > 0 ? ScopeState.Anomalous : ScopeState.Ok, LearningWeek.Hours) { Trained = trained, Report = report };
        });
    }

    private async Task<IReadOnlyList<HostScope>> ScopesAsync(string? host, CancellationToken cancellationToken)
    {
        var scopes = await HostScopes.ListAsync(_context.Store, host, cancellationToken).ConfigureAwait(false);
        return scopes.Count > 0
            ? scopes
            : throw new PipelineException($"no host has pushed logs to {_context.Store.Location} yet: hosts appear once they send them (OTLP /v1/logs, syslog, vigil forward to 'vigil serve')");
    }

    /// <summary>Trains the scope on the week before <paramref name="end"/>; null (with the reason kept) when that week cannot be learnt from.</summary>
    private async Task<(SetupResult? Trained, string? Note)> TrainAsync(HostScope scope, DateTime end, bool force, Action<string> warn, CancellationToken cancellationToken)
    {
        try
        {
            return (await new SetupService(_context).RunAsync(new RunRequest(Now: end, Force: force, Scope: scope.Name), null, warn, cancellationToken).ConfigureAwait(false), null);
        }
        catch (PipelineException ex) when (ex is SparseTrainingException or NoEventsException)
        {
            return (null, ex.Message);
        }
    }

    /// <summary>Runs one scope's work with its warnings named after the scope; an operator error stops only this scope.</summary>
    private static async Task<ScopeOutcome> ForScopeAsync(HostScope scope, int seen, Action<string> warn, Func<Action<string>, Task<ScopeOutcome>> work)
    {
        void Scoped(string message) => warn($"{scope.Name}: {message}");
        try
        {
            return await work(Scoped).ConfigureAwait(false);
        }
        catch (OperatorException ex)
        {
            Scoped(ex.Message);
            return new ScopeOutcome(scope, ScopeState.Learning, seen) { Error = ex.Message };
        }
    }
}
