using Vigil.Core.Events;

namespace Vigil.Core.Windows;

/// <summary>Rolls events into one <see cref="HourlySummary"/> per hour of a range, empty hours included.</summary>
public sealed class HourlyAggregator
{
    private readonly HourRange _range;
    private readonly int[] _counts;

    public HourlyAggregator(HourRange range)
    {
        _range = range;
        _counts = new int[range.Hours * 3];
    }

    /// <summary>Counts the event when it falls inside the range; returns false (and ignores it) otherwise.</summary>
    public bool Add(LogEvent e) => Add(e.TimeCreated, e.Severity);

    public bool Add(DateTime utc, Severity severity)
    {
        if (!_range.Contains(utc))
        {
            return false;
        }

        var index = (int)((utc - _range.Start).Ticks / HourRange.Hour.Ticks);
        _counts[(index * 3) + (int)severity]++;
        return true;
    }

    public IReadOnlyList<HourlySummary> Summaries()
    {
        var rows = new HourlySummary[_range.Hours];
        for (var i = 0; i < rows.Length; i++)
        {
            var info = _counts[i * 3];
            var warning = _counts[(i * 3) + 1];
            var error = _counts[(i * 3) + 2];
            rows[i] = new HourlySummary(_range.Start + TimeSpan.FromHours(i), info + warning + error, error, warning, info);
        }

        return rows;
    }

    public static IReadOnlyList<HourlySummary> Aggregate(IEnumerable<LogEvent> events, HourRange range)
    {
        var aggregator = new HourlyAggregator(range);
        foreach (var e in events)
        {
            aggregator.Add(e);
        }

        return aggregator.Summaries();
    }
}
