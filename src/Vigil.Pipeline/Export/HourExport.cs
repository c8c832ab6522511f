using Vigil.Core.Detection;
using Vigil.Core.Windows;
using Vigil.Storage;

namespace Vigil.Pipeline.Export;

/// <summary>
/// Every stored hour of a scope, as the seed kept them in data/processed: the hourly summary of the stored events
/// (whether or not a model scored the hour), with the scope's verdict where a detection stored one. Hours a detection
/// scored while the sources were silent come out as zero rows with their verdict.
/// </summary>
public static class HourExport
{
    /// <summary>The hours in time order; <see cref="ExportedHour.Verdict"/> is null for hours no detection scored.</summary>
    public static async IAsyncEnumerable<ExportedHour> ReadAsync(VigilContext context, IReadOnlyCollection<string> sources, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var all = new HourRange(DateTime.SpecifyKind(DateTime.MinValue, DateTimeKind.Utc), HourRange.LastHour);
        var verdicts = new Queue<StoredVerdict>(await context.Store.GetVerdictsAsync(new VerdictScope(sources).Key, all, cancellationToken).ConfigureAwait(false));
        await foreach (var window in HourWindowReader.StreamAsync(context.Store, sources, all, cancellationToken).ConfigureAwait(false))
        {
            while (verdicts.TryPeek(out var early) && early.Hour.Summary.Hour < window.Hour)
            {
                yield return new ExportedHour(early.Hour.Summary, verdicts.Dequeue());
            }

            var verdict = verdicts.TryPeek(out var same) && same.Hour.Summary.Hour == window.Hour ? verdicts.Dequeue() : null;
            yield return new ExportedHour(window.Summary, verdict);
        }

        while (verdicts.TryDequeue(out var rest))
        {
            yield return new ExportedHour(rest.Hour.Summary, rest);
        }
    }
}
