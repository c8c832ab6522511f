namespace Vigil.Collectors.Tests.Support;

/// <summary>
/// The shared EVTX corpus: <c>shared/data/evtx</c> beside the repository as CI lays it out (the folder holding
/// Vigil.sln, then its parent), or beside a further ancestor for a git worktree checked out one level deeper.
/// </summary>
internal static class EvtxSamples
{
    public static string Folder { get; } = Find();

    public static IReadOnlyList<string> All { get; } = Directory.GetFiles(Folder, "*.evtx").Order(StringComparer.Ordinal).ToArray();

    public static string Path(string name) => System.IO.Path.Combine(Folder, name);

    private static string Find()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "Vigil.sln")))
        {
            dir = dir.Parent;
        }

        for (var up = dir?.Parent; up is not null; up = up.Parent)
        {
            var candidate = System.IO.Path.Combine(up.FullName, "shared", "data", "evtx");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException($"no shared/data/evtx beside the repository above {AppContext.BaseDirectory}");
    }
}
