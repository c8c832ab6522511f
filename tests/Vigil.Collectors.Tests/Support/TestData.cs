namespace Vigil.Collectors.Tests.Support;

/// <summary>Finds the shared real test data beside the repository (../shared/data), as CI lays it out.</summary>
internal static class TestData
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string Shared(params string[] parts) =>
        Path.GetFullPath(Path.Combine([RepositoryRoot, "..", "shared", "data", .. parts]));

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
