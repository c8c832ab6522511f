namespace Vigil.Pipeline.Scheduling;

/// <summary>What <see cref="RetrainScheduler"/> drives: the current model's training time, and a retrain.</summary>
public interface IRetrainTarget
{
    /// <summary>When the current model was trained, or null when there is none (setup has not run).</summary>
    Task<DateTime?> GetTrainedAtAsync(CancellationToken cancellationToken);

    /// <summary>Trains a new model on the latest clean week; throws when it failed.</summary>
    Task RetrainAsync(CancellationToken cancellationToken);
}
