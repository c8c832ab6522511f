using Vigil.Core.Windows;

namespace Vigil.Pipeline;

/// <summary>The sources gave nothing in the range; the seed's "Collected 0 events" with what to check.</summary>
public sealed class NoEventsException : PipelineException
{
    public NoEventsException(string sources, HourRange range)
        : base($"Collected 0 events from {sources} between {range}. Check the log name or path in --source / [vigil] source, and the time range (--now, --hours).")
    {
    }
}
