using Vigil.Alerts.Formatting;
using Vigil.Alerts.Tests.Support;

namespace Vigil.Alerts.Tests.Formatting;

public sealed class AlertTextTests
{
    [Fact]
    public void EachKindOfAlertSaysWhereItStandsInItsIncident()
    {
        var alert = Some.Alert();

        Assert.Equal("[Vigil] 1 anomalous hour on web-01 (evtx:/var/log/System.evtx)", AlertText.Subject(alert));
        Assert.StartsWith("[Vigil] Update: ", AlertText.Subject(alert with { Kind = AlertKind.Update }), StringComparison.Ordinal);
        Assert.Equal("[Vigil] Resolved: incident 2025031410-abcdef on web-01", AlertText.Subject(alert with { Kind = AlertKind.Resolved, Hours = [] }));
        Assert.Equal("[Vigil] Test alert from web-01", AlertText.Subject(alert with { Kind = AlertKind.Test }));
    }

    [Fact]
    public void AnHourLineCarriesTheTimestampCountsErrorRateAndScore()
    {
        Assert.Equal(
            "2025-03-14 10:00:00 UTC: 400 events, 120 errors, 30 warnings, 250 info, error rate 30.0%, score -0.187",
            AlertText.HourLine(Some.Anomaly(10)));
    }

    [Fact]
    public void TheHtmlPartEscapesWhatComesFromTheLogs()
    {
        var html = AlertText.Html(Some.Alert(Some.Anomaly(10, "<script>alert(1)</script>")));

        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void AnAlertShowsTheStrongestReasonsAndCountsTheRest()
    {
        var reasons = Enumerable.Range(1, 7).Select(i => $"reason number {i}").ToArray();
        var alert = Some.Alert(Some.Anomaly(10, reasons));

        var text = AlertText.PlainText(alert);
        var html = AlertText.Html(alert);

        Assert.Contains("reason: reason number 4", text, StringComparison.Ordinal);
        Assert.DoesNotContain("reason number 5", text, StringComparison.Ordinal);
        Assert.Contains("(and 3 more reasons on the dashboard)", text, StringComparison.Ordinal);
        Assert.Contains("reason number 4; and 3 more reasons", html, StringComparison.Ordinal);
        Assert.DoesNotContain("reason number 5", html, StringComparison.Ordinal);
    }

    [Fact]
    public void AShortListIsShownWhole()
    {
        var text = AlertText.PlainText(Some.Alert(Some.Anomaly(10, "one", "two")));

        Assert.Contains("reason: two", text, StringComparison.Ordinal);
        Assert.DoesNotContain("more reason", text, StringComparison.Ordinal);
    }
}
