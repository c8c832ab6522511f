using Vigil.Alerts.Channels.Email;
using Vigil.Alerts.Tests.Support;

namespace Vigil.Alerts.Tests.Channels;

public sealed class SmtpAlertChannelTests : IClassFixture<SmtpFixture>
{
    private const string Receivers = "ops@example.test, oncall@example.test";

    private readonly TestCertificate _certificate;
    private readonly SmtpTestServer _startTls;

    public SmtpAlertChannelTests(SmtpFixture smtp)
    {
        _certificate = smtp.Certificate;
        _startTls = smtp.StartTls;
        _startTls.Clear();
    }

    [Fact]
    public async Task AnAlertOverStartTlsWithLoginReachesEveryReceiverAsTextAndHtml()
    {
        var server = _startTls;
        var channel = Channel(server.Port, SmtpTestServer.Password, SmtpSecurity.Auto);
        var alert = Some.Alert(Some.Anomaly(10, "error_count 120 vs usual 3"), Some.Anomaly(11));

        await channel.SendAsync(alert, CancellationToken.None);

        var mail = Assert.Single(server.Messages());
        Assert.Equal(["ops@example.test", "oncall@example.test"], mail.RcptTos);
        Assert.Equal(SmtpTestServer.User, mail.MailFrom);
        Assert.Equal("[Vigil] 2 anomalous hours on web-01 (evtx:/var/log/System.evtx)", mail.Message.Subject);
        foreach (var body in new[] { mail.Message.TextBody, mail.Message.HtmlBody })
        {
            Assert.Contains("2025-03-14 10:00:00", body, StringComparison.Ordinal);
            Assert.Contains("2025-03-14 11:00:00", body, StringComparison.Ordinal);
            Assert.Contains("error_count 120 vs usual 3", body, StringComparison.Ordinal);
            Assert.Contains("30.0", body, StringComparison.Ordinal);
            Assert.Contains("-0.187", body, StringComparison.Ordinal);
        }

        Assert.Contains("400 events, 120 errors, 30 warnings, 250 info", mail.Message.TextBody, StringComparison.Ordinal);
        Assert.Contains("<table", mail.Message.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAlertOverImplicitTlsIsDelivered()
    {
        using var server = SmtpTestServer.Start("tls", _certificate, auth: true);
        var channel = Channel(server.Port, SmtpTestServer.Password, SmtpSecurity.Tls);

        await channel.SendAsync(Some.Alert(), CancellationToken.None);

        Assert.Single(server.Messages());
    }

    [Fact]
    public async Task APlainServerIsUsedOnlyWhenSecurityIsExplicitlyNone()
    {
        using var server = SmtpTestServer.Start("plain");

        var refused = await Assert.ThrowsAsync<AlertDeliveryException>(
            () => Channel(server.Port, password: null, SmtpSecurity.Auto).SendAsync(Some.Alert(), CancellationToken.None));
        await Channel(server.Port, password: null, SmtpSecurity.None).SendAsync(Some.Alert(), CancellationToken.None);

        Assert.Contains("STARTTLS", refused.Message, StringComparison.Ordinal);
        Assert.False(refused.IsTransient);
        Assert.Single(server.Messages());
    }

    [Fact]
    public async Task AWrongPasswordFailsWithAnAuthenticationErrorThatNeverShowsThePassword()
    {
        var server = _startTls;
        const string wrong = "wrong-Pa55word-123";

        var error = await Assert.ThrowsAsync<AlertDeliveryException>(
            () => Channel(server.Port, wrong, SmtpSecurity.StartTls).SendAsync(Some.Alert(), CancellationToken.None));

        Assert.Contains("authentication", error.Message, StringComparison.Ordinal);
        Assert.Contains(SmtpTestServer.User, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(wrong, error.ToString(), StringComparison.Ordinal);
        Assert.False(error.IsTransient);
        Assert.Empty(server.Messages());
    }

    [Fact]
    public async Task ASelfSignedCertificateIsRejectedUnlessTheTestAcceptsIt()
    {
        var server = _startTls;
        var options = new EmailOptions("127.0.0.1", server.Port, SmtpTestServer.User, SmtpTestServer.Password, Receivers);

        var error = await Assert.ThrowsAsync<AlertDeliveryException>(
            () => new SmtpAlertChannel(options, Some.FastRetry).SendAsync(Some.Alert(), CancellationToken.None));

        Assert.Contains("TLS", error.Message, StringComparison.Ordinal);
        Assert.False(error.IsTransient);
        Assert.Empty(server.Messages());
    }

    [Fact]
    public async Task AServerThatIsDownGivesATransientConnectError()
    {
        var port = FreePort.Next();

        var error = await Assert.ThrowsAsync<AlertDeliveryException>(
            () => Channel(port, SmtpTestServer.Password, SmtpSecurity.StartTls).SendAsync(Some.Alert(), CancellationToken.None));

        Assert.Contains($"cannot connect to 127.0.0.1:{port}", error.Message, StringComparison.Ordinal);
        Assert.True(error.IsTransient);
        Assert.DoesNotContain(SmtpTestServer.Password, error.ToString(), StringComparison.Ordinal);
    }

    private SmtpAlertChannel Channel(int port, string? password, SmtpSecurity security) =>
        new(
            new EmailOptions("127.0.0.1", port, SmtpTestServer.User, password, Receivers, security)
            {
                ServerCertificateValidation = _certificate.AcceptOnlyThis,
            },
            Some.FastRetry);
}
