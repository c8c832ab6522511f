using Vigil.Collectors.Demo;
using Vigil.Core.Detection;
using Vigil.Core.Windows;
using Vigil.Pipeline.Evaluation;
using Vigil.Pipeline.Operator;
using Vigil.Pipeline.Tests.Support;

namespace Vigil.Pipeline.Tests.Evaluation;

/// <summary><c>vigil evaluate --feedback</c>: precision as the operator judged the pages, week by week.</summary>
public sealed class FeedbackPrecisionTests : IDisposable
{
    private static readonly DateTime Monday = new(2026, 3, 2, 0, 0, 0, DateTimeKind.Utc);
    private readonly Workspace _workspace = new(model: "vigil");

    public void Dispose() => _workspace.Dispose();

    private static HourDetection Paged(DateTime hour, bool suppressed = false) =>
        new(new HourlySummary(hour, 10, 5, 0, 5), -0.6, true) { Suppressed = suppressed };

    [Fact]
    public void EachWeekCountsTheHoursThatPagedAndThoseCalledFalseAlarms()
    {
        HourDetection[] verdicts =
        [
            Paged(Monday.AddHours(3)),
            Paged(Monday.AddHours(3)),
            Paged(Monday.AddDays(6).AddHours(23)),
            Paged(Monday.AddDays(7).AddHours(1)),
            Paged(Monday.AddDays(8), suppressed: true),
            new(new HourlySummary(Monday.AddDays(9), 1, 0, 0, 1), 0.1, false),
        ];

        var weeks = FeedbackPrecision.ByWeek(verdicts, new HashSet<DateTime> { Monday.AddHours(3), Monday.AddDays(9) });

        Assert.Equal([(Monday, 2, 1, (double?)0.5), (Monday.AddDays(7), 1, 0, 1.0)], weeks.Select(w => (w.WeekStart, w.Flagged, w.FalseAlarms, w.Precision)));
    }

    [Fact]
    public async Task AHourCalledAFalseAlarmLowersThePrecisionOfItsWeek()
    {
        var deploy = DemoScenario.TrainingEnd.AddHours(5);
        await _workspace.WriteDemoCsvAsync();
        await _workspace.AppendToDemoCsvAsync([.. Enumerable.Range(0, 6).Select(i =>
            $"{deploy.AddMinutes(10 + i):yyyy-MM-ddTHH:mm:ssZ},Information,300,Contoso-Deploy,Application,WIN-SRV01.corp.example,Deployment step {i} finished.,90010{i}")]);
        await _workspace.SetupAsync();
        await _workspace.DetectAsync();
        using (var actions = new OperatorActions(_workspace.Config))
        {
            await actions.AddFalseAlarmAsync($"{deploy:yyyy-MM-dd HH:00:00}", "our deploy tool", CancellationToken.None);
        }

        using var context = _workspace.Open();
        var weeks = await FeedbackPrecision.ReadAsync(context, null, CancellationToken.None);

        var week = Assert.Single(weeks);
        Assert.Equal((4, 1, (double?)0.75), (week.Flagged, week.FalseAlarms, week.Precision));
    }
}
