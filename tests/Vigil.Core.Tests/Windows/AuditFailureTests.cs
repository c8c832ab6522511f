using Vigil.Core.Tests.Support;
using Vigil.Core.Windows;

namespace Vigil.Core.Tests.Windows;

public sealed class AuditFailureTests
{
    private static readonly DateTime T = Weeks.Monday;

    [Theory]
    [InlineData(4625, "Security", "An account failed to log on.", true)]
    [InlineData(4771, "Security", "Kerberos pre-authentication failed.", true)]
    [InlineData(4776, "Security", "Logon Account: bob Error Code: 0xC000006A", true)]
    [InlineData(4776, "Security", "Logon Account: bob Error Code: 0x0", false)]
    [InlineData(4624, "Security", "An account was successfully logged on.", false)]
    [InlineData(4625, "Application", "An application event that reuses the id.", false)]
    public void FailedLogonsAndCredentialChecksAreAuditFailures(long id, string channel, string message, bool expected)
    {
        var e = Weeks.Event(T, id, channel == "Security" ? "Microsoft-Windows-Security-Auditing" : "MyApp", channel, message: message);

        Assert.Equal(expected, AuditFailure.Is(e));
    }
}
