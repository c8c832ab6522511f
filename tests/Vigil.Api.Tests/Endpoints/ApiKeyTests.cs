using System.Net;
using Vigil.Api.Tests.Support;

namespace Vigil.Api.Tests.Endpoints;

public sealed class ApiKeyTests
{
    private const string Key = "k3y-for-tests-9f2c";

    [Theory]
    [InlineData("GET", "/status")]
    [InlineData("GET", "/hours")]
    [InlineData("GET", "/anomalies")]
    [InlineData("GET", "/runs")]
    [InlineData("GET", "/jobs/x")]
    [InlineData("POST", "/detect")]
    [InlineData("POST", "/setup")]
    public async Task DataEndpointsRefuseRequestsWithoutTheKey(string method, string path)
    {
        await using var server = await RunningServer.TrainedAsync(WithKey);

        using var missing = await server.Client.SendAsync(Request(method, path, null));
        using var wrong = await server.Client.SendAsync(Request(method, path, Key + "x"));

        await Problem.ReadAsync(missing, HttpStatusCode.Unauthorized);
        await Problem.ReadAsync(wrong, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task TheRightKeyIsAccepted()
    {
        await using var server = await RunningServer.TrainedAsync(WithKey);

        using var response = await server.Client.SendAsync(Request("GET", "/status", Key));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("/health")]
    [InlineData("/")]
    [InlineData("/app.js")]
    public async Task HealthAndTheDashboardPageNeedNoKey(string path)
    {
        await using var server = await RunningServer.TrainedAsync(WithKey);

        using var response = await server.Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task WithoutAConfiguredKeyNoHeaderIsNeeded()
    {
        await using var server = await RunningServer.TrainedAsync();

        using var response = await server.Client.GetAsync("/runs");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static Pipeline.Configuration.VigilConfig WithKey(Pipeline.Configuration.VigilConfig c) => c with { Api = c.Api with { ApiKey = Key } };

    private static HttpRequestMessage Request(string method, string path, string? key)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "POST")
        {
            request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
        }

        if (key is not null)
        {
            request.Headers.Add("X-Api-Key", key);
        }

        return request;
    }
}
