using Vigil.Core.Detection;
using Vigil.Core.Windows;

namespace Vigil.Storage.Tests;

/// <summary>Reasons and details share the stored reasons column; rows written before details existed still read.</summary>
public sealed class VerdictReasonsTests
{
    private static readonly HourlySummary Hour = new(new DateTime(2026, 3, 2, 3, 0, 0, DateTimeKind.Utc), 113, 100, 13, 0);

    [Fact]
    public void AnOldRowIsAnArrayOfReasonsWithNoDetails()
    {
        var (reasons, details) = VerdictReasons.Parse("""["113 errors, usually ~0.6 at this hour","sample x: disk"]""");

        Assert.Equal(["113 errors, usually ~0.6 at this hour", "sample x: disk"], reasons);
        Assert.Empty(details);
    }

    [Fact]
    public void ReasonsAndDetailsRoundTripAndWithoutDetailsTheOldFormIsWritten()
    {
        var withDetails = new HourDetection(Hour, -0.6, true) { Reasons = ["113 errors, usually ~0.6 at this hour"], Details = ["feature log_errors = 113 (+9.1 spreads from training)"] };
        var without = withDetails with { Details = [] };

        var stored = VerdictReasons.Parse(VerdictReasons.Serialize(withDetails));

        Assert.Equal(withDetails.Reasons, stored.Reasons);
        Assert.Equal(withDetails.Details, stored.Details);
        Assert.Equal("""["113 errors, usually ~0.6 at this hour"]""", VerdictReasons.Serialize(without));
    }
}
