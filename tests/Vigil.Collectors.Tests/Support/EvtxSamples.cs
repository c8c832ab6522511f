namespace Vigil.Collectors.Tests.Support;

/// <summary>
/// The shared EVTX corpus: <c>shared/data/evtx</c> beside the repository as CI lays it out (the folder holding
/// Vigil.sln, then its parent), or beside a further ancestor for a git worktree checked out one level deeper.
/// </summary>
internal static class EvtxSamples
{
    public static string Folder { get; } = System.IO.Path.Combine(SharedData.Directory, "evtx");

    public static IReadOnlyList<string> All { get; } = Directory.GetFiles(Folder, "*.evtx").Order(StringComparer.Ordinal).ToArray();

    public static string Path(string name) => System.IO.Path.Combine(Folder, name);
}
