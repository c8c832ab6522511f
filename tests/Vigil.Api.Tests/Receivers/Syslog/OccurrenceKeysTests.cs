using Microsoft.Extensions.Time.Testing;
using Vigil.Api.Receivers.Syslog;

namespace Vigil.Api.Tests.Receivers.Syslog;

public sealed class OccurrenceKeysTests
{
    [Fact]
    public void IdenticalMessagesAreNumberedSoEachIsStored()
    {
        var keys = new OccurrenceKeys(new FakeTimeProvider());

        Assert.Equal(["k", "k#2", "other", "k#3"], new[] { keys.Next("k"), keys.Next("k"), keys.Next("other"), keys.Next("k") });
    }

    [Fact]
    public void CountsSurviveOneRotationAndAreForgottenAfterTwo()
    {
        var time = new FakeTimeProvider();
        var keys = new OccurrenceKeys(time);
        keys.Next("k");

        time.Advance(OccurrenceKeys.Generation);
        var afterOne = keys.Next("k");
        time.Advance(OccurrenceKeys.Generation);
        keys.Next("x");
        time.Advance(OccurrenceKeys.Generation);
        var afterThree = keys.Next("k");

        Assert.Equal("k#2", afterOne);
        Assert.Equal("k", afterThree);
    }
}
