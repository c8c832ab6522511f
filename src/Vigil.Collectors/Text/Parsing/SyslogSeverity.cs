using Vigil.Core.Events;

namespace Vigil.Collectors.Text.Parsing;

/// <summary>Syslog severities (RFC 5424 §6.2.1; also journald's PRIORITY) as Windows level numbers.</summary>
internal static class SyslogSeverity
{
    /// <summary>0–2 (emerg, alert, crit) Critical, 3 Error, 4 Warning, 5–6 Information, 7 (debug) Verbose, which still counts as info.</summary>
    public static int ToLevel(int severity) => severity switch
    {
        <= 2 => LevelMapping.Critical,
        3 => LevelMapping.Error,
        4 => LevelMapping.Warning,
        5 or 6 => LevelMapping.Information,
        _ => LevelMapping.Verbose,
    };
}
