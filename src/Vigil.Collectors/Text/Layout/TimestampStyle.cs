namespace Vigil.Collectors.Text.Layout;

/// <summary>The ways a timestamp is written that layout inference knows, by shape rather than by product.</summary>
internal enum TimestampStyle
{
    /// <summary><c>yyyy-MM-dd HH:mm:ss[.,]fff</c>, with <c>T</c>, <c>/</c>, <c>.</c> or <c>-</c> between parts, and an optional zone.</summary>
    IsoLike,

    /// <summary><c>yy/MM/dd HH:mm:ss</c> (two-digit year).</summary>
    ShortYear,

    /// <summary><c>yyyyMMdd-HH:mm:ss:fff</c>, <c>yyyyMMdd HHmmss</c>, <c>yyMMdd HHmmss</c>: digits without date separators.</summary>
    Compact,

    /// <summary><c>MM-dd HH:mm:ss.fff</c>, <c>MM.dd HH:mm:ss</c>: no year, inferred.</summary>
    MonthDay,

    /// <summary><c>dd.MM.yyyy HH:mm:ss</c> and <c>dd/MM/yyyy HH:mm:ss</c>.</summary>
    DayFirst,

    /// <summary>Syslog and ctime: <c>[EEE ]MMM d [yyyy ]HH:mm:ss[.fff][ yyyy]</c>; without a year it is inferred.</summary>
    MonthName,

    /// <summary>Common log format: <c>dd/MMM/yyyy:HH:mm:ss +zzzz</c>.</summary>
    CommonLog,

    /// <summary>Seconds (10 digits, optional fraction) or milliseconds (13 digits) since 1970, UTC.</summary>
    Epoch,
}
