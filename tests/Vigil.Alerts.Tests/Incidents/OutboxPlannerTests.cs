using Vigil.Alerts.Delivery;
using Vigil.Alerts.Incidents;
using Vigil.Alerts.Tests.Support;

namespace Vigil.Alerts.Tests.Incidents;

public sealed class OutboxPlannerTests
{
    [Fact]
    public void EachPlannedAlertBecomesOneEntryPerChannelCarryingTheWholeAlert()
    {
        var plan = IncidentPlanner.Plan("src", [Some.Anomaly(10, "why"), Some.Anomaly(11)], last: null, new AlertPolicy());
        var entries = OutboxPlanner.Entries("src", "web-01", plan.Alerts, ["email", "slack"], Some.Day.AddHours(12), "https://vigil.example.test", "vigil-0123456789abcdef");

        Assert.Equal(["email", "slack"], entries.Select(e => e.Channel));
        Assert.All(entries, e => Assert.Equal("new", e.Kind));
        var alert = AlertPayload.Deserialize(entries[0].Payload);
        Assert.Equal(AlertKind.New, alert.Kind);
        Assert.Equal(entries[0].IncidentId, alert.IncidentId);
        Assert.Equal("https://vigil.example.test", alert.DashboardUrl);
        Assert.Equal(["why"], alert.Hours[0].Reasons);
        Assert.Equal("vigil-0123456789abcdef", alert.ModelId);
        Assert.Equal(Some.Anomaly(11).Summary, alert.Hours[1].Summary);
        Assert.Equal(Some.Day.AddHours(11), entries[0].LastHour);
    }
}
