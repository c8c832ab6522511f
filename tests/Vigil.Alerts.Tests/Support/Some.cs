using Vigil.Alerts.Delivery;
using Vigil.Core.Detection;
using Vigil.Core.Windows;

namespace Vigil.Alerts.Tests.Support;

/// <summary>Tiny builders for test data.</summary>
internal static class Some
{
    public static readonly DateTime Day = new(2025, 3, 14, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>Retries that finish in well under a second, so failure tests stay quick.</summary>
    public static readonly DeliveryRetryOptions FastRetry = new()
    {
        MaxRetries = 2,
        BaseDelay = TimeSpan.FromMilliseconds(20),
        MaxDelay = TimeSpan.FromMilliseconds(100),
        AttemptTimeout = TimeSpan.FromSeconds(10),
    };

    public static HourDetection Anomaly(int hour, params string[] reasons) =>
        new(new HourlySummary(Day.AddHours(hour), 400, 120, 30, 250), -0.187, IsAnomaly: true) { Reasons = reasons };

    public static HourDetection Normal(int hour) =>
        new(new HourlySummary(Day.AddHours(hour), 300, 3, 10, 287), 0.05, IsAnomaly: false);

    public static Alert Alert(params HourDetection[] hours) =>
        new("evtx:/var/log/System.evtx", "web-01", hours.Length == 0 ? [Anomaly(10, "error_count 120 vs usual 3")] : hours, Day.AddHours(12))
        {
            IncidentId = "2025031410-abcdef",
            DashboardUrl = "https://vigil.example.test/dashboard",
        };
}
