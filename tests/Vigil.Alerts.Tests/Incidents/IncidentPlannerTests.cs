using Vigil.Alerts.Incidents;
using Vigil.Alerts.Tests.Support;
using Vigil.Core.Detection;
using Vigil.Storage.Incidents;

namespace Vigil.Alerts.Tests.Incidents;

public sealed class IncidentPlannerTests
{
    private const string Source = "evtx:/var/log/System.evtx";
    private static readonly AlertPolicy Hourly = new(CooldownMinutes: 60, SendResolved: true);

    [Fact]
    public void AnAnomalousHourWithNoEarlierIncidentOpensANewOne()
    {
        var plans = Plan([Some.Normal(9), Some.Anomaly(10), Some.Normal(11)], last: null);

        var plan = Assert.Single(plans);
        Assert.Equal(AlertKind.New, plan.Kind);
        Assert.Equal(Some.Day.AddHours(10), plan.FirstHour);
        Assert.StartsWith("2025031410-", plan.IncidentId, StringComparison.Ordinal);
        Assert.Equal([Some.Day.AddHours(10)], plan.Hours.Select(h => h.Summary.Hour));
    }

    [Fact]
    public void AnAnomalousHourInAMaintenanceWindowOpensNoIncident()
    {
        var plans = Plan([Some.Normal(9), Some.Anomaly(10) with { Suppressed = true }, Some.Normal(11)], last: null);

        Assert.Empty(plans);
    }

    [Fact]
    public void ConsecutiveAnomalousHoursOfOneRunBecomeOneIncident()
    {
        var plans = Plan([Some.Anomaly(10), Some.Anomaly(11), Some.Normal(12), Some.Anomaly(13)], last: null);

        var plan = Assert.Single(plans);
        Assert.Equal(3, plan.Hours.Count);
        Assert.Equal(Some.Day.AddHours(13), plan.LastHour);
    }

    [Fact]
    public void AnAnomalousHourWithinTheCooldownThatMakesTheIncidentWorsePagesAnUpdate()
    {
        var open = Open(first: 10, last: 11);

        var plan = IncidentPlanner.Plan(Source, [Some.Normal(12), Some.Anomaly(13) with { Severity = AnomalySeverity.High }], open, Hourly);

        var alert = Assert.Single(plan.Alerts);
        Assert.Equal(AlertKind.Update, alert.Kind);
        Assert.Equal(open.Id, alert.IncidentId);
        Assert.Equal(Some.Day.AddHours(10), alert.FirstHour);
        Assert.Equal([Some.Day.AddHours(13)], alert.Hours.Select(h => h.Summary.Hour));
        var incident = Assert.Single(plan.Incidents);
        Assert.Equal((open.Id, Some.Day.AddHours(13), 3, AnomalySeverity.High, 2, false), (incident.Id, incident.LastHour, incident.Hours, incident.Severity, incident.Pages, incident.Resolved));
    }

    [Fact]
    public void TheSameFindingHourAfterHourUpdatesTheIncidentWithoutAPage()
    {
        var open = Open(first: 10, last: 10);

        var plan = IncidentPlanner.Plan(Source, [Some.Anomaly(11) with { Severity = AnomalySeverity.Medium }, Some.Anomaly(12) with { Severity = AnomalySeverity.Low }], open, Hourly);

        Assert.Empty(plan.Alerts);
        var incident = Assert.Single(plan.Incidents);
        Assert.Equal((Some.Day.AddHours(12), 3, 1, false), (incident.LastHour, incident.Hours, incident.Pages, incident.Resolved));
    }

    [Fact]
    public void AnAcknowledgedIncidentIsUpdatedWithoutAPageEvenWhenItGetsWorse()
    {
        var open = Open(first: 10, last: 10) with { AcknowledgedAt = Some.Day.AddHours(10.5) };

        var plan = IncidentPlanner.Plan(Source, [Some.Anomaly(11) with { Severity = AnomalySeverity.High }], open, Hourly);

        Assert.Empty(plan.Alerts);
        Assert.Equal(AnomalySeverity.High, Assert.Single(plan.Incidents).Severity);
    }

    [Fact]
    public void HoursAlreadyAlertedAreNeverAlertedAgain()
    {
        var plans = Plan([Some.Anomaly(10), Some.Anomaly(11)], Open(first: 10, last: 11));

        Assert.Empty(plans);
    }

    [Fact]
    public void AnAnomalyBeyondTheCooldownResolvesTheOldIncidentAndOpensANewOne()
    {
        var open = Open(first: 10, last: 10);

        var plans = Plan([Some.Normal(11), Some.Normal(12), Some.Anomaly(13)], open);

        Assert.Equal([AlertKind.Resolved, AlertKind.New], plans.Select(p => p.Kind));
        Assert.Equal(open.Id, plans[0].IncidentId);
        Assert.NotEqual(open.Id, plans[1].IncidentId);
    }

    [Fact]
    public void QuietHoursLongerThanTheCooldownResolveTheIncident()
    {
        var open = Open(first: 10, last: 11);

        var plans = Plan([Some.Normal(12), Some.Normal(13)], open);

        var plan = Assert.Single(plans);
        Assert.Equal(AlertKind.Resolved, plan.Kind);
        Assert.Equal(open.Id, plan.IncidentId);
        Assert.Empty(plan.Hours);
    }

    [Fact]
    public void QuietHoursWithinTheCooldownLeaveTheIncidentOpen()
    {
        Assert.Empty(Plan([Some.Normal(12)], Open(first: 10, last: 11)));
    }

    [Fact]
    public void WithResolvedMessagesOffTheIncidentIsResolvedWithoutAMessage()
    {
        var plan = IncidentPlanner.Plan(Source, [Some.Normal(12), Some.Normal(13)], Open(first: 10, last: 11), new AlertPolicy(60, SendResolved: false), Some.Day.AddHours(14));

        Assert.Empty(plan.Alerts);
        var incident = Assert.Single(plan.Incidents);
        Assert.Equal((true, Some.Day.AddHours(14)), (incident.Resolved, incident.ResolvedAt));
    }

    [Fact]
    public void AResolvedIncidentIsNotResolvedTwiceNorUpdated()
    {
        var resolved = Open(first: 10, last: 11) with { Resolved = true };

        var plans = Plan([Some.Normal(13), Some.Anomaly(12)], resolved);

        Assert.Equal(AlertKind.New, Assert.Single(plans).Kind);
    }

    [Fact]
    public void ALongerCooldownGroupsHoursFurtherApart()
    {
        var plans = IncidentPlanner.Plan(Source, [Some.Anomaly(10), Some.Anomaly(14)], last: null, new AlertPolicy(CooldownMinutes: 240)).Alerts;

        Assert.Equal(2, Assert.Single(plans).Hours.Count);
    }

    private static IReadOnlyList<PlannedAlert> Plan(HourDetection[] scored, IncidentRecord? last) =>
        IncidentPlanner.Plan(Source, scored, last, Hourly).Alerts;

    private static IncidentRecord Open(int first, int last, AnomalySeverity severity = AnomalySeverity.Medium) =>
        new($"{Some.Day.AddHours(first):yyyyMMddHH}-abcdef", Source, Some.Day.AddHours(first), Some.Day.AddHours(last), Resolved: false) { Severity = severity, Hours = last - first + 1, Pages = 1 };
}
