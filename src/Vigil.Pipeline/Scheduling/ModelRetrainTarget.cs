namespace Vigil.Pipeline.Scheduling;

/// <summary>Retrains the context's model from the store (<see cref="SetupService.RetrainAsync"/>): the hourly detection already stored the data.</summary>
public sealed class ModelRetrainTarget : IRetrainTarget
{
    private readonly VigilContext _context;
    private readonly Action<string> _warn;

    public ModelRetrainTarget(VigilContext context, Action<string> warn)
    {
        _context = context;
        _warn = warn;
    }

    public async Task<DateTime?> GetTrainedAtAsync(CancellationToken cancellationToken) =>
        (await _context.Models.LoadAsync(cancellationToken).ConfigureAwait(false))?.TrainedAt;

    public Task RetrainAsync(CancellationToken cancellationToken) =>
        new SetupService(_context).RetrainAsync(new RunRequest(Collect: false), null, _warn, cancellationToken);
}
