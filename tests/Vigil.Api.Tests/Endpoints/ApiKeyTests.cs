using System.Net;
using Microsoft.Extensions.Logging;
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

        using var missing = await server.Anonymous.SendAsync(Request(method, path, null));
        using var wrong = await server.Anonymous.SendAsync(Request(method, path, Key + "x"));

        await Problem.ReadAsync(missing, HttpStatusCode.Unauthorized);
        await Problem.ReadAsync(wrong, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task TheRightKeyIsAccepted()
    {
        await using var server = await RunningServer.TrainedAsync(WithKey);

        using var response = await server.Anonymous.SendAsync(Request("GET", "/status", Key));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("/health")]
    [InlineData("/")]
    [InlineData("/app.js")]
    public async Task HealthAndTheDashboardPageNeedNoKey(string path)
    {
        await using var server = await RunningServer.TrainedAsync(WithKey);

        using var response = await server.Anonymous.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task WithoutAConfiguredKeyOneIsGeneratedKeptPrivateAndRequired()
    {
        await using var server = await RunningServer.TrainedAsync();
        var keyFile = Path.Combine(server.Config.Vigil.DataDir, "api-key");

        using var anonymous = await server.Anonymous.GetAsync("/runs");
        using var withKey = await server.Client.GetAsync("/runs");

        await Problem.ReadAsync(anonymous, HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.OK, withKey.StatusCode);
        Assert.Equal(43, server.Key.Length);
        Assert.Matches("^[A-Za-z0-9_-]{43}$", server.Key);
        Assert.Equal(server.Key, File.ReadAllText(keyFile).Trim());
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyFile));
        Assert.Contains(server.Key, server.Server.KeyNotice, StringComparison.Ordinal);
        Assert.Contains(keyFile, server.Server.KeyNotice, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheGeneratedKeyIsKeptAcrossRestartsAndPrintedOnlyOnce()
    {
        string key;
        string dataDir;
        await using (var first = await RunningServer.TrainedAsync())
        {
            key = first.Key;
            dataDir = first.Config.Vigil.DataDir;
            await first.Server.DisposeAsync();
            await using var second = VigilApi.Create(new VigilApiOptions(first.Config) { Listen = "http://127.0.0.1:0", EnableScheduler = false });

            Assert.Equal(key, second.ApiKey);
            Assert.DoesNotContain(key, second.KeyNotice, StringComparison.Ordinal);
            Assert.Contains(Path.Combine(Path.GetFullPath(dataDir), "api-key"), second.KeyNotice, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task AWrongKeyIsLoggedWithTheClientAddressButNotTheKey()
    {
        var logs = new CollectingLoggerProvider();
        await using var server = await RunningServer.StartAsync(trained: true, WithKey, o => o with { ConfigureLogging = l => l.AddProvider(logs) });

        using var response = await server.Anonymous.SendAsync(Request("GET", "/status", "guessed-key-0451"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var warning = Assert.Single(logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("Wrong API key", StringComparison.Ordinal));
        Assert.Contains("127.0.0.1", warning.Message, StringComparison.Ordinal);
        Assert.Contains("/status", warning.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(logs.Entries, e => e.Message.Contains("guessed-key-0451", StringComparison.Ordinal) || e.Message.Contains(Key, StringComparison.Ordinal));
    }

    [Fact]
    public async Task WrongKeysAreThrottledPerAddress()
    {
        await using var server = await RunningServer.TrainedAsync(WithKey);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 50; i++)
        {
            using var response = await server.Anonymous.SendAsync(Request("GET", "/status", $"guess-{i}"));
            statuses.Add(response.StatusCode);
        }

        using var rightKeyWhileThrottled = await server.Anonymous.SendAsync(Request("GET", "/status", Key));

        Assert.Equal(10, statuses.Count(s => s == HttpStatusCode.Unauthorized));
        Assert.Equal(40, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
        Assert.Equal(HttpStatusCode.TooManyRequests, rightKeyWhileThrottled.StatusCode);
        Assert.NotNull(rightKeyWhileThrottled.Headers.RetryAfter);
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
