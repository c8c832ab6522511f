using System.Globalization;
using System.Text;
using Vigil.Pipeline.Tests.Support;

namespace Vigil.Pipeline.Tests;

/// <summary>
/// A log in a layout no parser was written for (HealthApp-style <c>yyyyMMdd-HH:mm:ss:fff|component|pid|msg</c>):
/// its header must be stripped before mining, or every pid and component makes a "new" kind and every hour pages.
/// </summary>
public sealed class UnseenLayoutDetectionTests : IDisposable
{
    private static readonly DateTime Start = new(2026, 2, 9, 0, 0, 0, DateTimeKind.Utc);
    private readonly Workspace _workspace = new(model: "vigil");

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task ASteadyLogPagesNothingAndABurstOfANewKindPagesItsHour()
    {
        var incident = Start.AddDays(7).AddHours(15);
        var steady = await RunAsync(incident: null);
        var burst = await RunAsync(incident);

        Assert.Empty(steady);
        Assert.Equal([incident], burst);
    }

    private async Task<IReadOnlyList<DateTime>> RunAsync(DateTime? incident)
    {
        var log = new StringBuilder();
        var random = new Random(11);
        var components = new[] { "Step_LSC", "Step_SPUtils", "HiH_HiHealthDataInsertStore", "Step_StandReportReceiver" };
        for (var hour = Start; hour < Start.AddDays(8); hour = hour.AddHours(1))
        {
            for (var i = 0; i < 30; i++)
            {
                var time = hour.AddSeconds(i * 120 + random.Next(100)).ToString("yyyyMMdd-HH:mm:ss:fff", CultureInfo.InvariantCulture);
                var message = hour == incident && i % 2 == 0
                    ? $"Battery temperature critical {random.Next(60, 90)} C, shutting down sensor hub {random.Next(9)}"
                    : (i % 3) switch
                    {
                        0 => $"onStandStepChanged {random.Next(10000)}",
                        1 => $"flush sensor data",
                        _ => $"getTodayTotalDetailSteps = {random.Next(99999)}##{random.Next(9999)}##{random.Next(999)}",
                    };
                log.Append(CultureInfo.InvariantCulture, $"{time}|{components[random.Next(components.Length)]}|{30002312 + random.Next(50000)}|{message}\n");
            }
        }

        var path = Path.Combine(_workspace.Dir, incident is null ? "steady.log" : "burst.log");
        File.WriteAllText(path, log.ToString());
        _workspace.Config = _workspace.Config with { Vigil = _workspace.Config.Vigil with { Source = "text:" + path } };

        await _workspace.SetupAsync(new RunRequest(Now: Start.AddDays(7)));
        var report = await _workspace.DetectAsync(new RunRequest(Now: Start.AddDays(8), Hours: 24));
        return [.. report.Anomalies.Select(h => h.Summary.Hour)];
    }
}
