using System.Security.Cryptography;
using Vigil.Storage;

namespace Vigil.Api.Security;

/// <summary>
/// Safe by default: without <c>[api] api_key</c>, serve generates a random key on first start and keeps it in the data
/// folder, readable by the service account only (0600), so no other local user and no web page can use the API.
/// </summary>
internal static class ApiKeyFile
{
    public const string FileName = "api-key";

    /// <summary>A key shorter than this is refused when the server listens beyond loopback.</summary>
    public const int MinimumExposedLength = 16;

    public static ServeKey Resolve(string? configured, string dataDir)
    {
        if (configured is not null)
        {
            return new ServeKey(configured, null, Generated: false);
        }

        var path = Path.Combine(Path.GetFullPath(dataDir), FileName);
        if (File.Exists(path) && File.ReadAllText(path).Trim() is { Length: >= MinimumExposedLength } stored)
        {
            return new ServeKey(stored, path, Generated: false);
        }

        // 32 random bytes: 43 URL-safe characters, nothing to escape in a header or a URL fragment.
        var key = Base64Url(RandomNumberGenerator.GetBytes(32));
        PrivateFiles.CreateParent(path);
        File.Delete(path);
        using (var stream = new FileStream(path, PrivateFiles.Options(FileMode.CreateNew, FileAccess.Write)))
        using (var writer = new StreamWriter(stream))
        {
            writer.WriteLine(key);
        }

        return new ServeKey(key, path, Generated: true);
    }

    /// <summary>What serve prints at start: the key itself only on the start that generated it, otherwise where to read it.</summary>
    public static string? Notice(ServeKey key, string dashboardUrl)
    {
        if (key.FilePath is null)
        {
            return null;
        }

        var read = OperatingSystem.IsWindows() ? $"type \"{key.FilePath}\"" : $"cat '{key.FilePath}'";
        return key.Generated
            ? $"Generated an API key for this server: {key.Value}\nIt is kept in {key.FilePath} (readable by this account only); read it again with: {read}\nOpen the dashboard with it: {dashboardUrl}#key={key.Value}"
            : $"The API key is in {key.FilePath}; read it with: {read} (the dashboard asks for it once per browser tab).";
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
