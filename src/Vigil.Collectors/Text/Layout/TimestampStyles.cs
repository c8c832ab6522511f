namespace Vigil.Collectors.Text.Layout;

/// <summary>Names of <see cref="TimestampStyle"/> as shown by <c>--show-format</c>.</summary>
internal static class TimestampStyles
{
    public static readonly TimestampStyle[] All = Enum.GetValues<TimestampStyle>();

    public static string Describe(TimestampStyle style) => style switch
    {
        TimestampStyle.IsoLike => "yyyy-MM-dd HH:mm:ss[.fff] (ISO-like)",
        TimestampStyle.ShortYear => "yy/MM/dd HH:mm:ss",
        TimestampStyle.Compact => "yyyyMMdd-HH:mm:ss:fff / yyMMdd HHmmss (compact)",
        TimestampStyle.MonthDay => "MM-dd HH:mm:ss[.fff] (no year: inferred)",
        TimestampStyle.DayFirst => "dd.MM.yyyy HH:mm:ss",
        TimestampStyle.MonthName => "MMM d HH:mm:ss (syslog/ctime; year inferred when absent)",
        TimestampStyle.CommonLog => "dd/MMM/yyyy:HH:mm:ss zzzz (common log format)",
        TimestampStyle.Epoch => "seconds or milliseconds since 1970 (UTC)",
        _ => style.ToString(),
    };
}
