namespace Vigil.TestSupport;

/// <summary>
/// The repository root and the shared/data folder, for every test project (linked in by tests/Directory.Build.props).
/// shared/data lies beside the repository (CI clones it next to a copy of shared/), or beside a folder further up,
/// as for a git worktree nested one level deeper.
/// </summary>
internal static class SharedData
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string Directory { get; } = FindData();

    private static string FindData()
    {
        for (var dir = new DirectoryInfo(RepositoryRoot).Parent; dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data");
            if (System.IO.Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException($"No shared/data folder above {RepositoryRoot}.");
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
