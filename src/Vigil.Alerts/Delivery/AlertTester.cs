using Vigil.Core.Detection;
using Vigil.Core.Windows;

namespace Vigil.Alerts.Delivery;

/// <summary>
/// <c>vigil alert test</c>: sends a sample alert straight to each channel (not through the outbox: the operator wants
/// to see now whether the settings work) and reports per channel.
/// </summary>
public static class AlertTester
{
    public static Alert SampleAlert(string host, DateTime now, string? dashboardUrl)
    {
        var hour = new DateTime(now.Year, now.Month, now.Day, now.Hour, 0, 0, DateTimeKind.Utc).AddHours(-1);
        var sample = new HourDetection(new HourlySummary(hour, 1200, 300, 100, 800), -0.21, IsAnomaly: true)
        {
            Reasons = ["error_count 300 is far above the usual (sample)"],
        };
        return new Alert("vigil alert test", host, [sample], now) { Kind = AlertKind.Test, DashboardUrl = dashboardUrl };
    }

    public static async Task<IReadOnlyList<ChannelTestResult>> SendAsync(IEnumerable<IAlertChannel> channels, Alert alert, CancellationToken cancellationToken)
    {
        var results = new List<ChannelTestResult>();
        foreach (var channel in channels)
        {
            try
            {
                await channel.SendAsync(alert, cancellationToken).ConfigureAwait(false);
                results.Add(new ChannelTestResult(channel.Name, Delivered: true, Error: null));
            }
            catch (AlertDeliveryException ex)
            {
                results.Add(new ChannelTestResult(channel.Name, Delivered: false, ex.Message));
            }
        }

        return results;
    }
}
