using Vigil.Api.Tests.Support;

namespace Vigil.Api.Tests.Hosting;

/// <summary>
/// ASP.NET's own configuration (environment variables, appsettings.json in the working directory) must not add or
/// change what serve listens on. These change process-wide state, so they run alone.
/// </summary>
[Collection(ProcessStateCollection.Name)]
public sealed class AspNetConfigurationTests
{
    [Fact]
    public async Task AKestrelEndpointInTheEnvironmentIsNotBound()
    {
        Environment.SetEnvironmentVariable("Kestrel__Endpoints__Pub__Url", "http://127.0.0.2:0");
        Environment.SetEnvironmentVariable("ASPNETCORE_URLS", "http://127.0.0.3:0");
        try
        {
            await using var server = await RunningServer.TrainedAsync();

            var bound = Assert.Single(server.Server.Addresses);
            Assert.StartsWith("http://127.0.0.1:", bound, StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable("Kestrel__Endpoints__Pub__Url", null);
            Environment.SetEnvironmentVariable("ASPNETCORE_URLS", null);
        }
    }

    [Fact]
    public async Task KestrelEndpointsInAppsettingsJsonInTheWorkingDirectoryAreNotBound()
    {
        var appsettings = Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json");
        await File.WriteAllTextAsync(appsettings, """{ "Kestrel": { "Endpoints": { "Pub": { "Url": "http://127.0.0.2:0" } } }, "urls": "http://127.0.0.3:0" }""");
        try
        {
            await using var server = await RunningServer.TrainedAsync();

            var bound = Assert.Single(server.Server.Addresses);
            Assert.StartsWith("http://127.0.0.1:", bound, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(appsettings);
        }
    }
}
