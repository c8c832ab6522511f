using System.Net;
using System.Text;
using Vigil.Api.Tests.Support;

namespace Vigil.Api.Tests.Security;

public sealed class RequestFilteringTests
{
    [Theory]
    [InlineData("attacker.example")]
    [InlineData("attacker.example:5000")]
    [InlineData("192.168.1.20")]
    public async Task ARequestNamingAnotherHostIsRefusedAsADnsRebindingPageWouldSendIt(string host)
    {
        await using var server = await RunningServer.TrainedAsync();

        foreach (var path in new[] { "/status", "/hours", "/anomalies", "/" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Host = host;
            using var response = await server.Client.SendAsync(request);

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.DoesNotContain("model_exists", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("127.0.0.1")]
    public async Task TheLoopbackNamesAreAccepted(string host)
    {
        await using var server = await RunningServer.TrainedAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/status");
        request.Headers.Host = $"{host}:{server.BaseAddress.Port}";

        using var response = await server.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("Origin", "http://attacker.example")]
    [InlineData("Origin", "null")]
    [InlineData("Sec-Fetch-Site", "cross-site")]
    [InlineData("Sec-Fetch-Site", "same-site")]
    public async Task ACrossSitePostIsRefusedEvenWithTheKey(string header, string value)
    {
        await using var server = await RunningServer.EmptyAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/setup?wait=false") { Content = Json("{}") };
        request.Headers.Add(header, value);

        using var response = await server.Client.SendAsync(request);

        await Problem.ReadAsync(response, HttpStatusCode.Forbidden);
        Assert.Empty((await server.GetJsonAsync("/runs")).EnumerateArray());
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("multipart/form-data; boundary=x")]
    public async Task APostBodyThatIsNotJsonIsRefused(string mediaType)
    {
        await using var server = await RunningServer.EmptyAsync();
        using var content = new StringContent("{}", Encoding.UTF8);
        content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(mediaType);

        using var response = await server.Client.PostAsync("/setup?wait=false", content);

        await Problem.ReadAsync(response, HttpStatusCode.UnsupportedMediaType);
        Assert.Empty((await server.GetJsonAsync("/runs")).EnumerateArray());
    }

    [Fact]
    public async Task TheServersOwnPagesAndNonBrowserClientsMayPost()
    {
        await using var server = await RunningServer.TrainedAsync();
        using var samePage = new HttpRequestMessage(HttpMethod.Post, "/detect") { Content = Json("{}") };
        samePage.Headers.Add("Origin", server.BaseAddress.GetLeftPart(UriPartial.Authority));
        samePage.Headers.Add("Sec-Fetch-Site", "same-origin");
        using var script = new HttpRequestMessage(HttpMethod.Post, "/detect");

        using var fromPage = await server.Client.SendAsync(samePage);
        using var fromScript = await server.Client.SendAsync(script);

        Assert.Equal(HttpStatusCode.OK, fromPage.StatusCode);
        Assert.Equal(HttpStatusCode.OK, fromScript.StatusCode);
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
