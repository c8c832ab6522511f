using Vigil.Core.Windows;
using Vigil.Pipeline;

namespace Vigil.Api.Endpoints;

/// <summary>
/// The hours a <c>?from&amp;to</c> query covers, widened to whole hours. Missing ends default to the 7 days up to the
/// newest stored event of the configured sources (so a week exported last month shows as that week).
/// </summary>
internal static class QueryRange
{
    public const int DefaultHours = 24 * 7;

    public const int MaxHours = Vigil.Core.Windows.HourRange.MaxHours;

    /// <summary>The scope's sources (<c>?source=</c> or the configured ones) and the range, or a one-line reason the query cannot be used.</summary>
    public static async Task<(IReadOnlyCollection<string> Sources, HourRange Range, string? Problem)> ResolveAsync(DateTimeOffset? from, DateTimeOffset? to, string? source, VigilContext context, CancellationToken cancellationToken)
    {
        IReadOnlyCollection<string> sources;
        try
        {
            sources = SourceNames(context, source);
        }
        catch (Vigil.Core.OperatorException ex)
        {
            return ([], default, ex.Message);
        }

        var (range, problem) = await RangeAsync(from, to, sources, context, cancellationToken).ConfigureAwait(false);
        return (sources, range, problem);
    }

    /// <summary>The range, or a one-line reason the query cannot be used.</summary>
    public static async Task<(HourRange Range, string? Problem)> RangeAsync(DateTimeOffset? from, DateTimeOffset? to, IReadOnlyCollection<string> sources, VigilContext context, CancellationToken cancellationToken)
    {
        DateTime end;
        if (to is { } t)
        {
            end = HourRange.CeilingHour(t.UtcDateTime);
        }
        else if (from is { } f)
        {
            end = HourRange.LastHour - HourRange.FloorHour(f.UtcDateTime) < TimeSpan.FromHours(DefaultHours) ? HourRange.LastHour : HourRange.FloorHour(f.UtcDateTime) + TimeSpan.FromHours(DefaultHours);
        }
        else
        {
            // Events dated beyond the clock's tolerance (a typo'd year) never decide what the latest week is.
            var span = await context.Store.GetEventSpanAsync(sources, context.Ingestor(static _ => { }).FutureLimit, cancellationToken).ConfigureAwait(false);
            end = HourRange.EndOfHour(span?.Last ?? context.Clock.GetUtcNow().UtcDateTime);
        }

        var start = from is { } given ? HourRange.FloorHour(given.UtcDateTime) : HourRange.Ending(end, DefaultHours).Start;
        var range = new HourRange(start, end);
        if (start >= end)
        {
            return (range, "from must be before to");
        }

        return range.Hours > MaxHours ? (range, $"the range spans {range.Hours} hours; at most {MaxHours} are allowed") : (range, null);
    }

    /// <summary>The sources of <c>?source=</c> (comma-separated specs), or the configured ones.</summary>
    public static IReadOnlyCollection<string> SourceNames(VigilContext context, string? source = null) => [.. context.Sources(string.IsNullOrWhiteSpace(source) ? null : source).Select(s => s.Name)];
}
