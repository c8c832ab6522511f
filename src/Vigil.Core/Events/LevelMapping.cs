using System.Diagnostics.CodeAnalysis;

namespace Vigil.Core.Events;

/// <summary>Windows level numbers and names, and the seed's mapping of them to error / warning / info.</summary>
public static class LevelMapping
{
    public const int LogAlways = 0;
    public const int Critical = 1;
    public const int Error = 2;
    public const int Warning = 3;
    public const int Information = 4;
    public const int Verbose = 5;

    /// <summary>Critical and Error are errors, Warning is a warning, everything else (LogAlways, Information, Verbose) is info.</summary>
    public static Severity ToSeverity(int level) => level switch
    {
        Critical or Error => Severity.Error,
        Warning => Severity.Warning,
        _ => Severity.Info,
    };

    /// <summary>
    /// Parses a level written as a Windows name (Critical, Error, Warning, Information, Verbose, LogAlways),
    /// a common short form (crit, err, warn, info, debug...) or a number 0–5.
    /// </summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out int? level)
    {
        level = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var t = text.Trim();
        if (int.TryParse(t, out var number))
        {
            if (number is >= 0 and <= 5)
            {
                level = number;
                return true;
            }

            return false;
        }

        level = t.ToLowerInvariant() switch
        {
            "critical" or "crit" or "fatal" or "emerg" or "emergency" or "alert" => Critical,
            "error" or "err" or "severe" => Error,
            "warning" or "warn" => Warning,
            "information" or "info" or "informational" or "notice" => Information,
            "verbose" or "debug" or "trace" or "fine" => Verbose,
            "logalways" or "log always" or "audit success" or "audit failure" => LogAlways,
            _ => null,
        };
        return level is not null;
    }

    public static string Name(int level) => level switch
    {
        LogAlways => "LogAlways",
        Critical => "Critical",
        Error => "Error",
        Warning => "Warning",
        Information => "Information",
        Verbose => "Verbose",
        _ => level.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
