using Vigil.Core.Windows;

namespace Vigil.Pipeline;

/// <summary>Setup was asked to learn "normal" from a week that is mostly empty; names the counts, the key and <c>--force</c>.</summary>
public sealed class SparseTrainingException : PipelineException
{
    public SparseTrainingException(string sources, HourRange range, int hoursWithEvents, int minimum)
        : base($"Only {hoursWithEvents} of {range.Hours} training hours ({range}) have events from {sources}; at least {minimum} are needed ([detection] min_training_hours) to learn what a normal hour looks like. Train on a longer history (--now, --source), or pass --force (\"force\": true over the API) to train anyway.")
    {
    }
}
