namespace Vigil.Collectors.Tests.Support;

/// <summary>Finds the shared test data beside the repository (CI puts a copy of shared/ next to its clone).</summary>
internal static class TestData
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string Loghub(string name) => Path.Combine(RepositoryRoot, "..", "shared", "data", "loghub", name, name + "_2k.log");

    public static string Resource(string name) => Path.Combine(AppContext.BaseDirectory, "Resources", name);

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
