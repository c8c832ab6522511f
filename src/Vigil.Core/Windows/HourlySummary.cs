using System.Globalization;

namespace Vigil.Core.Windows;

/// <summary>The seed's hourly row: counts of one UTC hour [HH:00, HH+1:00).</summary>
public sealed record HourlySummary(DateTime Hour, int TotalEvents, int ErrorCount, int WarningCount, int InfoCount)
{
    /// <summary>error_count / total_events, 0 for an empty hour.</summary>
    public double ErrorRate => TotalEvents == 0 ? 0 : (double)ErrorCount / TotalEvents;

    /// <summary>The seed's <c>hour_timestamp</c>: <c>yyyy-MM-dd HH:00:00</c>.</summary>
    public string HourTimestamp => FormatHour(Hour);

    public static string FormatHour(DateTime hour) => hour.ToString("yyyy-MM-dd HH:00:00", CultureInfo.InvariantCulture);

    public static DateTime ParseHour(string text) =>
        DateTime.SpecifyKind(
            DateTime.ParseExact(text, ["yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None),
            DateTimeKind.Utc);
}
