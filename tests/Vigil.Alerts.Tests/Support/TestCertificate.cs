using System.Net;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Vigil.Alerts.Tests.Support;

/// <summary>A self-signed certificate for 127.0.0.1, written as PEM files for the Python SMTP server.</summary>
public sealed class TestCertificate : IDisposable
{
    private readonly X509Certificate2 _certificate;

    public TestCertificate()
    {
        Directory = TempDirectory.Create("vigil-cert");
        // ECDSA: generating it is instant, unlike an RSA key on a busy machine.
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=vigil-test", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        _certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        CertPath = Path.Combine(Directory, "cert.pem");
        KeyPath = Path.Combine(Directory, "key.pem");
        File.WriteAllText(CertPath, _certificate.ExportCertificatePem());
        File.WriteAllText(KeyPath, key.ExportPkcs8PrivateKeyPem());
    }

    public string Directory { get; }

    public string CertPath { get; }

    public string KeyPath { get; }

    /// <summary>Accepts exactly this certificate, whatever the system thinks of it.</summary>
    public RemoteCertificateValidationCallback AcceptOnlyThis =>
        (_, certificate, _, _) => certificate is not null && certificate.GetCertHashString() == _certificate.Thumbprint;

    public void Dispose()
    {
        _certificate.Dispose();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
