using System.Security.Cryptography;
using System.Text;
using Vigil.Core.Events;

namespace Vigil.Pipeline.Fleet;

/// <summary>
/// Where one host scope's model lives: <c>models/hosts/HOST/SOURCE.json</c>, beside the single-host model file (which
/// stays where it is). The host passed <see cref="HostSource.TryNormalizeHost"/>; the source part comes from the wire,
/// so it is reduced to lower-case letters, digits, '.', '-' and '_', and a name that had to change gets a hash of the original so
/// two sources never share a file. Nothing in the stored name can reach outside the folder.
/// </summary>
public static class ScopeModelPath
{
    public const string Folder = "hosts";

    private const int MaxNameLength = 80;

    /// <summary>The model file of <paramref name="storedSource"/> (<c>host:NAME/SOURCE</c>) under <paramref name="modelsDir"/>.</summary>
    public static string For(string modelsDir, string storedSource)
    {
        if (!HostSource.TryParse(storedSource, out var host, out var source) || !HostSource.TryNormalizeHost(host, out var normal) || normal != host)
        {
            throw new ArgumentException($"'{storedSource}' is not a host scope (host:NAME/SOURCE)", nameof(storedSource));
        }

        return Path.Combine(modelsDir, Folder, host, SafeName(source) + ".json");
    }

    private static string SafeName(string source)
    {
        var safe = new StringBuilder(Math.Min(source.Length, MaxNameLength));
        foreach (var c in source.Take(MaxNameLength))
        {
            // Lower case: Windows and macOS file names ignore case, so "Otlp" and "otlp" must not share a file.
            safe.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' || (c == '.' && safe.Length > 0 && safe[^1] != '.') ? char.ToLowerInvariant(c) : '_');
        }

        var name = safe.ToString();
        if (name == source)
        {
            return name;
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(source)))[..10];
        return name + "-" + hash;
    }
}
