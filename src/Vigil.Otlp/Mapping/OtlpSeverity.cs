using Vigil.Core.Events;

namespace Vigil.Otlp.Mapping;

/// <summary>
/// OTLP severity → Windows level. The OpenTelemetry log data model's ranges: 1–8 TRACE/DEBUG → Verbose, 9–12 INFO →
/// Information, 13–16 WARN → Warning, 17–20 ERROR → Error, 21–24 FATAL → Critical. An unset (or out-of-range) number
/// falls back to the severity text, read by the one level parser Vigil has; without either a record is Information,
/// which is what the data model says an absent severity means.
/// </summary>
internal static class OtlpSeverity
{
    public static int ToLevel(int severityNumber, string? severityText) => severityNumber switch
    {
        >= 1 and <= 8 => LevelMapping.Verbose,
        >= 9 and <= 12 => LevelMapping.Information,
        >= 13 and <= 16 => LevelMapping.Warning,
        >= 17 and <= 20 => LevelMapping.Error,
        >= 21 and <= 24 => LevelMapping.Critical,
        _ => LevelMapping.TryParse(severityText, out var level) ? level.Value : LevelMapping.Information,
    };

    /// <summary>The number a level is sent as (the first of its range); LogAlways has none and travels as text.</summary>
    public static int ToSeverityNumber(int level) => level switch
    {
        LevelMapping.Critical => 21,
        LevelMapping.Error => 17,
        LevelMapping.Warning => 13,
        LevelMapping.Information => 9,
        LevelMapping.Verbose => 5,
        _ => 0,
    };
}
