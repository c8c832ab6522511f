namespace Vigil.Alerts.Tests.Support;

/// <summary>One self-signed certificate and one STARTTLS server requiring login, shared by the tests of a class.</summary>
public sealed class SmtpFixture : IDisposable
{
    public SmtpFixture()
    {
        Certificate = new TestCertificate();
        StartTls = SmtpTestServer.Start("starttls", Certificate, auth: true);
    }

    public TestCertificate Certificate { get; }

    /// <summary>Cleared before each use: tests of one class run one after another.</summary>
    public SmtpTestServer StartTls { get; }

    public void Dispose()
    {
        StartTls.Dispose();
        Certificate.Dispose();
    }
}
