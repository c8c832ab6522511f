using System.CommandLine;
using System.Globalization;
using Vigil.Pipeline.Configuration;

namespace Vigil.Cli.Invocation;

/// <summary>
/// Where an internal error (a bug, exit 3) is written in full: <c>vigil-errors.log</c> in the data directory, beside
/// the store the operator already knows, else in the temp folder. The user sees one line naming the file.
/// </summary>
internal static class CrashLog
{
    public const string FileName = "vigil-errors.log";

    /// <summary>Appends the failure and returns the file it went to, or null when no file could be written.</summary>
    public static string? Write(Exception failure, ParseResult? command, IReadOnlyList<string> args)
    {
        var entry = string.Create(CultureInfo.InvariantCulture, $"{DateTime.UtcNow:yyyy-MM-ddTHH:mm:ssZ} vigil {string.Join(' ', args)}{Environment.NewLine}{failure}{Environment.NewLine}{Environment.NewLine}");
        foreach (var folder in Folders(command))
        {
            try
            {
                Directory.CreateDirectory(folder);
                var path = Path.GetFullPath(Path.Combine(folder, FileName));
                File.AppendAllText(path, entry);
                return path;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A full or read-only data folder: try the next one.
            }
        }

        return null;
    }

    private static IEnumerable<string> Folders(ParseResult? command)
    {
        if (DataDir(command) is { } dataDir)
        {
            yield return dataDir;
        }

        yield return Path.Combine(Path.GetTempPath(), "vigil");
    }

    private static string? DataDir(ParseResult? command)
    {
        try
        {
            var config = command?.CommandResult.Command.Options.Any(o => o.Name == "--config") == true ? command.GetValue<string?>("--config") : null;
            return ConfigLoader.Load(config, warn: static _ => { }).Vigil.DataDir;
        }
        catch (Exception)
        {
            // The config itself may be what failed; the temp folder still takes the report.
            return null;
        }
    }
}
