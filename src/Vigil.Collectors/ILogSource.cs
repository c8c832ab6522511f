using Vigil.Core.Events;

namespace Vigil.Collectors;

/// <summary>
/// Where events come from: a file, an EVTX folder, a Windows channel, journald... One implementation per kind,
/// created from a spec such as <c>file:events.csv</c> by <see cref="SourceFactory"/>.
/// </summary>
public interface ILogSource
{
    /// <summary>The spec the source was created from; also its key in the store.</summary>
    string Name { get; }

    /// <summary>
    /// True for sources that keep growing (Windows channels, journald): "now" is the clock.
    /// False for files read after the fact: "now" is the end of the hour of their newest event.
    /// </summary>
    bool IsLive { get; }

    /// <summary>
    /// Streams the events whose time falls in [<see cref="SourceReadOptions.From"/>, <see cref="SourceReadOptions.To"/>).
    /// Records that cannot be read are reported through <see cref="SourceReadOptions.Warn"/> and skipped, never invented.
    /// Throws <see cref="SourceException"/> with a one-line reason when the source cannot be read at all.
    /// </summary>
    IAsyncEnumerable<LogEvent> ReadAsync(SourceReadOptions options, CancellationToken cancellationToken);
}
