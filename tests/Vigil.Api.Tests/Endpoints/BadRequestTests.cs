using System.Net;
using Vigil.Api.Tests.Support;

namespace Vigil.Api.Tests.Endpoints;

public sealed class BadRequestTests
{
    [Theory]
    [InlineData("/detect", "{\"now\": ")]
    [InlineData("/detect", "[1, 2, 3]")]
    [InlineData("/detect", "{\"hours\": \"many\"}")]
    [InlineData("/detect", "{\"hours\": 0}")]
    [InlineData("/setup", "{\"now\": \"yesterday\"}")]
    public async Task AMalformedRunBodyGets400ProblemDetails(string path, string body)
    {
        await using var server = await RunningServer.TrainedAsync();

        using var response = await server.PostJsonAsync(path, body);

        await Problem.ReadAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task ABodyOverTheLimitGets413ProblemDetails()
    {
        await using var server = await RunningServer.TrainedAsync();
        var padding = new string(' ', (int)VigilApi.MaxRequestBodyBytes + 1);

        using var response = await server.PostJsonAsync("/detect", "{" + padding + "}");

        await Problem.ReadAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [Theory]
    [InlineData("/hours?from=2026-02-12T00:00:00Z&to=2026-02-10T00:00:00Z")]
    [InlineData("/hours?from=not-a-date")]
    [InlineData("/anomalies?from=2020-01-01T00:00:00Z&to=2026-01-01T00:00:00Z")]
    [InlineData("/runs?limit=0")]
    public async Task AnUnusableQueryGets400ProblemDetails(string path)
    {
        await using var server = await RunningServer.TrainedAsync();

        using var response = await server.Client.GetAsync(path);

        await Problem.ReadAsync(response, HttpStatusCode.BadRequest);
    }
}
