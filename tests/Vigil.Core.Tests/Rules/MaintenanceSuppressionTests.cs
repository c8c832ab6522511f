using Vigil.Core.Detection;
using Vigil.Core.Rules;
using Vigil.Core.Windows;

namespace Vigil.Core.Tests.Rules;

public sealed class MaintenanceSuppressionTests
{
    private static readonly DateTime Two = new(2026, 3, 1, 2, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void HoursOverlappingAWindowAreSuppressedAndKeepTheirVerdict()
    {
        var hours = new[] { Hour(Two.AddHours(-1)), Hour(Two), Hour(Two.AddHours(1)), Hour(Two.AddHours(2)) };
        var window = new MaintenanceWindow(7, Two.AddMinutes(30), Two.AddHours(1).AddMinutes(15), "patch night");

        var result = MaintenanceSuppression.Apply(hours, [window]);

        Assert.Equal([false, true, true, false], result.Select(h => h.Suppressed));
        Assert.All(result, h => Assert.True(h.IsAnomaly));
        Assert.Equal([true, false, false, true], result.Select(h => h.Alerts));
        Assert.Contains("suppressed: maintenance window #7 (2026-03-01 02:30 – 2026-03-01 03:15 UTC): patch night", result[1].Reasons);
    }

    private static HourDetection Hour(DateTime hour) =>
        new(new HourlySummary(hour, 100, 50, 0, 50), -0.7, true) { Severity = AnomalySeverity.High, Reasons = ["50 errors"] };
}
