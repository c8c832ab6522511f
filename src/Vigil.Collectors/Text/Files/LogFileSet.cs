using System.Text.RegularExpressions;

namespace Vigil.Collectors.Text.Files;

/// <summary>Resolves a path or glob (wildcards in the file name) to the live files and their rotated siblings, oldest first.</summary>
internal static partial class LogFileSet
{
    public static IReadOnlyList<LogFile> Find(string pattern)
    {
        var full = Path.GetFullPath(pattern);
        var directory = Path.GetDirectoryName(full) ?? ".";
        var name = Path.GetFileName(full);
        if (!Directory.Exists(directory))
        {
            return [];
        }

        var hasWildcard = name.AsSpan().IndexOfAny('*', '?') >= 0;
        var live = hasWildcard
            ? Directory.EnumerateFiles(directory, name).Where(p => !RotatedSuffix().IsMatch(Path.GetFileName(p))).Order(StringComparer.Ordinal).ToList()
            : [full];
        var files = new List<LogFile>();
        foreach (var path in live)
        {
            var channel = Path.GetFileName(path);
            var siblings = Directory.EnumerateFiles(directory, channel + "*")
                .Where(p => RotatedSuffix().IsMatch(Path.GetFileName(p)[channel.Length..]))
                .Select(p => new FileInfo(p))
                .OrderBy(f => f.LastWriteTimeUtc)
                .ThenByDescending(f => f.Name, StringComparer.Ordinal);
            files.AddRange(siblings.Select(f => new LogFile(f.FullName, channel, true, f.Name.EndsWith(".gz", StringComparison.Ordinal))));
            if (File.Exists(path))
            {
                files.Add(new LogFile(path, channel, false, false));
            }
        }

        return files;
    }

    [GeneratedRegex(@"(^|\.log)(\.\d+|-\d{8}(\d{2})?)(\.gz)?$|^\.gz$", RegexOptions.CultureInvariant)]
    private static partial Regex RotatedSuffix();
}
