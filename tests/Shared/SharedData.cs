namespace Vigil.TestSupport;

/// <summary>
/// The repository root and the shared/data folder, for every test project (linked in by tests/Directory.Build.props).
/// shared/data lies beside the repository (CI clones it next to a copy of shared/), or beside a folder further up,
/// as for a git worktree nested one level deeper; <c>VIGIL_SHARED_DATA</c> names it for a clone kept elsewhere.
/// </summary>
internal static class SharedData
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string Directory { get; } = FindData();

    private static string FindData()
    {
        if (Environment.GetEnvironmentVariable("VIGIL_SHARED_DATA") is { Length: > 0 } named)
        {
            return System.IO.Directory.Exists(named)
                ? Path.GetFullPath(named)
                : throw new InvalidOperationException($"VIGIL_SHARED_DATA={named} is not a folder; point it at shared/data (the EVTX and loghub samples).");
        }

        for (var dir = new DirectoryInfo(RepositoryRoot).Parent; dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data");
            if (System.IO.Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException($"No shared/data folder beside {RepositoryRoot} or above it: clone the repository next to shared/, or set VIGIL_SHARED_DATA=/path/to/shared/data.");
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Vigil.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException($"No Vigil.sln above {AppContext.BaseDirectory}.");
    }
}
