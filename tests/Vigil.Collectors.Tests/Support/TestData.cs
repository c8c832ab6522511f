namespace Vigil.Collectors.Tests.Support;

/// <summary>Finds the shared real test data beside the repository (../shared/data), as CI lays it out.</summary>
internal static class TestData
{
    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>shared/data beside the repository; worktrees sit one level deeper, so look further up too.</summary>
    public static string Data { get; } = FindData();

    public static string Loghub(string name) => Path.Combine(Data, "loghub", name, name + "_2k.log");

    public static string Resource(string name) => Path.Combine(AppContext.BaseDirectory, "Resources", name);

    private static string FindData()
    {
        for (var dir = new DirectoryInfo(RepositoryRoot).Parent; dir is not null; dir = dir.Parent)
        {
            var data = Path.Combine(dir.FullName, "shared", "data");
            if (Directory.Exists(data))
            {
                return data;
            }
        }

        throw new InvalidOperationException("shared/data not found beside " + RepositoryRoot);
    }

    public static string Shared(params string[] parts) => Path.GetFullPath(Path.Combine([Data, .. parts]));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Vigil.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Vigil.sln not found above " + AppContext.BaseDirectory);
    }
}
