using Vigil.Core.Windows;

namespace Vigil.Pipeline.Scheduling;

/// <summary>
/// Scores hours with <see cref="DetectService"/> over the given sources; the last scored hour is the end of the newest
/// successful detect run of those sources in the store. When a follower already stores the sources (<c>watch</c>),
/// runs read the store only and never read the sources again.
/// </summary>
public sealed class StoreDetectionTarget : IHourlyDetectionTarget
{
    /// <summary>How far back the run history is searched for the last successful detection.</summary>
    private const int RunsSearched = 500;

    private readonly VigilContext _context;
    private readonly Action<string> _warn;
    private readonly string? _sources;
    private readonly bool _collect;

    /// <param name="sources">Comma-separated specs, or null for <c>[vigil] source</c>.</param>
    /// <param name="collect">False when a follower stores the sources already.</param>
    public StoreDetectionTarget(VigilContext context, Action<string> warn, string? sources = null, bool collect = true)
    {
        _context = context;
        _warn = warn;
        _sources = sources;
        _collect = collect;
    }

    public async Task<DateTime?> GetLastScoredHourEndAsync(CancellationToken cancellationToken)
    {
        var runs = await _context.Store.GetRunsAsync(RunsSearched, cancellationToken).ConfigureAwait(false);
        var sources = string.Join(", ", _context.Sources(_sources).Select(s => s.Name));
        return runs.Where(r => r.Kind == DetectService.RunKind && r.Outcome?.Succeeded == true && r.Source == sources)
            .Select(r => (DateTime?)r.Range.End)
            .Max();
    }

    /// <summary>Told the end of each range scored (the follower counts events arriving for those hours as late).</summary>
    public Action<DateTime>? Scored { get; init; }

    public async Task ScoreAsync(HourRange hours, CancellationToken cancellationToken)
    {
        await new DetectService(_context).RunAsync(new RunRequest(_sources, hours.End, hours.Hours, Collect: _collect), null, _warn, cancellationToken).ConfigureAwait(false);
        Scored?.Invoke(hours.End);
    }
}
