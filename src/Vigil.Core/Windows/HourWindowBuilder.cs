using Vigil.Core.Events;

namespace Vigil.Core.Windows;

/// <summary>Rolls events into one <see cref="HourWindow"/> per hour of a range, empty hours included.</summary>
public sealed class HourWindowBuilder
{
    private readonly HourRange _range;
    private readonly HourWindow[] _windows;

    public HourWindowBuilder(HourRange range)
    {
        _range = range;
        _windows = new HourWindow[range.Hours];
        for (var i = 0; i < _windows.Length; i++)
        {
            _windows[i] = new HourWindow(range.Start + TimeSpan.FromHours(i));
        }
    }

    /// <summary>Counts the event when it falls inside the range; returns false (and ignores it) otherwise.</summary>
    public bool Add(LogEvent e)
    {
        if (!_range.Contains(e.TimeCreated))
        {
            return false;
        }

        _windows[(int)((e.TimeCreated - _range.Start).Ticks / HourRange.Hour.Ticks)].Add(e);
        return true;
    }

    public IReadOnlyList<HourWindow> Windows => _windows;

    /// <summary>
    /// Rolls time-ordered events into one window per hour that has events, without holding more than one hour:
    /// for spans too long to lay out hour by hour (an export of everything stored).
    /// </summary>
    public static async IAsyncEnumerable<HourWindow> StreamAsync(IAsyncEnumerable<LogEvent> events)
    {
        HourWindow? current = null;
        await foreach (var e in events.ConfigureAwait(false))
        {
            var hour = HourRange.FloorHour(e.TimeCreated);
            if (current is not null && current.Hour != hour)
            {
                yield return current;
                current = null;
            }

            current ??= new HourWindow(hour);
            current.Add(e);
        }

        if (current is not null)
        {
            yield return current;
        }
    }

    public static IReadOnlyList<HourWindow> Build(IEnumerable<LogEvent> events, HourRange range)
    {
        var builder = new HourWindowBuilder(range);
        foreach (var e in events)
        {
            builder.Add(e);
        }

        return builder.Windows;
    }
}
