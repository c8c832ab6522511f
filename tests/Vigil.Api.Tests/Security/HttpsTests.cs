using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Vigil.Api.Tests.Support;

namespace Vigil.Api.Tests.Security;

public sealed class HttpsTests
{
    private const string Password = "pfx-password-4e1";

    [Fact]
    public async Task AConfiguredCertificateServesHttps()
    {
        using var directory = new TempDirectory();
        var (pfx, thumbprint) = SelfSignedCertificate.Create(directory.Path, Password);
        await using var server = await RunningServer.StartAsync(
            trained: true,
            c => c with { Api = c.Api with { Certificate = pfx, CertificatePassword = Password } },
            o => o with { Listen = "https://127.0.0.1:0" });
        using var handler = new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, cert, _, _) => cert?.Thumbprint == thumbprint };
        using var client = new HttpClient(handler) { BaseAddress = server.BaseAddress };
        client.DefaultRequestHeaders.Add("X-Api-Key", server.Key);

        using var response = await client.GetAsync("/status");

        Assert.Equal("https", server.BaseAddress.Scheme);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public void AnHttpsAddressWithoutACertificateOrWithTheWrongPasswordIsRefused()
    {
        using var directory = new TempDirectory();
        var (pfx, _) = SelfSignedCertificate.Create(directory.Path, Password);
        var config = DemoData.Config(Path.Combine(directory.Path, "data"), Path.Combine(directory.Path, "models"));
        var wrong = config with { Api = config.Api with { Certificate = pfx, CertificatePassword = "not-it" } };

        var missing = Assert.Throws<ServeException>(() => VigilApi.Create(new VigilApiOptions(config) { Listen = "https://127.0.0.1:0" }));
        var refused = Assert.Throws<ServeException>(() => VigilApi.Create(new VigilApiOptions(wrong) { Listen = "https://127.0.0.1:0" }));

        Assert.Contains("[api] certificate is not set", missing.Message, StringComparison.Ordinal);
        Assert.Contains("[api] certificate", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("not-it", refused.Message, StringComparison.Ordinal);
    }
}
