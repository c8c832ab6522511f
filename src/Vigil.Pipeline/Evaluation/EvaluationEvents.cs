using Vigil.Collectors;
using Vigil.Core.Events;

namespace Vigil.Pipeline.Evaluation;

/// <summary>Reads the events <c>vigil evaluate</c> trains and scores on, straight from a source (no store involved).</summary>
public static class EvaluationEvents
{
    /// <summary>Reads every event of <paramref name="spec"/>; a bare path is read as <c>file:PATH</c>.</summary>
    public static async Task<IReadOnlyList<LogEvent>> ReadAsync(string spec, Action<string> warn, CancellationToken cancellationToken)
    {
        var source = SourceFactory.Create(spec.Contains(':', StringComparison.Ordinal) && !File.Exists(spec) ? spec : "file:" + spec);
        var events = new List<LogEvent>();
        await foreach (var e in source.ReadAsync(new SourceReadOptions { Warn = warn }, cancellationToken).ConfigureAwait(false))
        {
            events.Add(e);
        }

        if (events.Count == 0)
        {
            throw new PipelineException($"{spec}: no events to evaluate on");
        }

        return events;
    }
}
