using Vigil.Core.Windows;

namespace Vigil.Pipeline;

/// <summary>The hour windows of stored events, for readers outside the pipeline (the API): the same aggregation detect uses.</summary>
public static class HourWindows
{
    public static Task<IReadOnlyList<HourWindow>> ReadAsync(VigilContext context, IReadOnlyCollection<string> sources, HourRange range, CancellationToken cancellationToken) =>
        HourWindowReader.ReadAsync(context.Store, sources, range, null, cancellationToken);
}
