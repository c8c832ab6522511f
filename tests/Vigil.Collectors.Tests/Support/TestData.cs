namespace Vigil.Collectors.Tests.Support;

/// <summary>Finds the shared real test data beside the repository (../shared/data), as CI lays it out.</summary>
internal static class TestData
{
    public static string RepositoryRoot => SharedData.RepositoryRoot;

    /// <summary>shared/data beside the repository; worktrees sit one level deeper, so look further up too.</summary>
    public static string Data => SharedData.Directory;

    public static string Loghub(string name) => Path.Combine(Data, "loghub", name, name + "_2k.log");

    public static string Resource(string name) => Path.Combine(AppContext.BaseDirectory, "Resources", name);

    public static string Shared(params string[] parts) => Path.GetFullPath(Path.Combine([Data, .. parts]));
}
