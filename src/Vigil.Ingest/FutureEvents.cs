using System.Globalization;
using Vigil.Core.Events;

namespace Vigil.Ingest;

/// <summary>
/// Counts the events of one read dated after the clock plus the tolerance (a typo'd year, a broken clock) and says so
/// once, naming the first: they are stored like any other event, but never decide what "now" is.
/// </summary>
internal sealed class FutureEvents
{
    private readonly DateTime _limit;
    private long _ordinal;
    private long _count;
    private long _firstOrdinal;
    private DateTime _firstTime;

    public FutureEvents(DateTime limit) => _limit = limit;

    public void See(LogEvent e)
    {
        _ordinal++;
        if (e.TimeCreated <= _limit)
        {
            return;
        }

        if (_count++ == 0)
        {
            (_firstOrdinal, _firstTime) = (_ordinal, e.TimeCreated);
        }
    }

    /// <summary>The one line to report, or null when no event was dated in the future.</summary>
    public string? Report(string source) => _count == 0
        ? null
        : string.Create(
            CultureInfo.InvariantCulture,
            $"{source}: {_count:N0} event{(_count == 1 ? string.Empty : "s")} dated after {_limit:yyyy-MM-dd HH:mm} UTC ignored for the range (first: record {_firstOrdinal} read, {_firstTime:yyyy-MM-ddTHH:mm:ssZ}); check the source's clock or time zone");
}
