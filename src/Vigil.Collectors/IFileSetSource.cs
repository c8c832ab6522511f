namespace Vigil.Collectors;

/// <summary>
/// A source read from files that can each be read alone with the same events as when read together (an EVTX folder,
/// an export file), so a follower re-reads only the files that changed instead of the whole set.
/// </summary>
public interface IFileSetSource : ILogSource
{
    /// <summary>The files the source reads now, in the order it reads them.</summary>
    /// <exception cref="SourceException">The path is gone or cannot be listed.</exception>
    IReadOnlyList<string> ListFiles();

    /// <summary>
    /// A source that reads only <paramref name="file"/>, one of <see cref="ListFiles"/>, with the same events and the
    /// same handling of a damaged file (warned and skipped when it is one file of a folder) as the whole set.
    /// </summary>
    ILogSource ForFile(string file);
}
