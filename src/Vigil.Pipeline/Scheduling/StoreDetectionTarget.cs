using Vigil.Core.Windows;

namespace Vigil.Pipeline.Scheduling;

/// <summary>Scores hours with <see cref="DetectService"/>; the last scored hour is the end of the newest successful detect run in the store.</summary>
public sealed class StoreDetectionTarget : IHourlyDetectionTarget
{
    /// <summary>How far back the run history is searched for the last successful detection.</summary>
    private const int RunsSearched = 500;

    private readonly VigilContext _context;
    private readonly Action<string> _warn;

    public StoreDetectionTarget(VigilContext context, Action<string> warn)
    {
        _context = context;
        _warn = warn;
    }

    public async Task<DateTime?> GetLastScoredHourEndAsync(CancellationToken cancellationToken)
    {
        var runs = await _context.Store.GetRunsAsync(RunsSearched, cancellationToken).ConfigureAwait(false);
        return runs.Where(r => r.Kind == DetectService.RunKind && r.Outcome?.Succeeded == true)
            .Select(r => (DateTime?)r.Range.End)
            .Max();
    }

    public Task ScoreAsync(HourRange hours, CancellationToken cancellationToken) =>
        new DetectService(_context).RunAsync(new RunRequest(Now: hours.End, Hours: hours.Hours), null, _warn, cancellationToken);
}
