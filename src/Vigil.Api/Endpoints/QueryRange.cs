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

    /// <summary>The range, or a one-line reason the query cannot be used.</summary>
    public static async Task<(HourRange Range, string? Problem)> ResolveAsync(DateTimeOffset? from, DateTimeOffset? to, VigilContext context, CancellationToken cancellationToken)
    {
        DateTime end;
        if (to is { } t)
        {
            end = HourRange.CeilingHour(t.UtcDateTime);
        }
        else if (from is { } f)
        {
            end = HourRange.FloorHour(f.UtcDateTime) + TimeSpan.FromHours(DefaultHours);
        }
        else
        {
            var newest = await context.Store.GetNewestEventTimeAsync(SourceNames(context), cancellationToken).ConfigureAwait(false);
            end = HourRange.CeilingHour((newest ?? context.Clock.GetUtcNow().UtcDateTime).AddTicks(1));
        }

        var start = from is { } given ? HourRange.FloorHour(given.UtcDateTime) : end - TimeSpan.FromHours(DefaultHours);
        var range = new HourRange(start, end);
        if (start >= end)
        {
            return (range, "from must be before to");
        }

        return range.Hours > MaxHours ? (range, $"the range spans {range.Hours} hours; at most {MaxHours} are allowed") : (range, null);
    }

    public static IReadOnlyCollection<string> SourceNames(VigilContext context) => [.. context.Sources(null).Select(s => s.Name)];
}
