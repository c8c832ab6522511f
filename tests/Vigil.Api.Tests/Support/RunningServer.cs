using System.Net.Http.Json;
using System.Text.Json;
using Vigil.Pipeline.Configuration;

namespace Vigil.Api.Tests.Support;

/// <summary>A real <c>vigil serve</c> (Kestrel on 127.0.0.1, a random port) over a real SQLite store in a temp folder.</summary>
public sealed class RunningServer : IAsyncDisposable
{
    private readonly TempDirectory _directory;

    private RunningServer(TempDirectory directory, VigilServer server, VigilConfig config)
    {
        _directory = directory;
        Server = server;
        Config = config;
        BaseAddress = new Uri(server.Addresses.Single());
        Client = new HttpClient { BaseAddress = BaseAddress };
    }

    public VigilServer Server { get; }

    public VigilConfig Config { get; }

    public Uri BaseAddress { get; }

    public HttpClient Client { get; }

    /// <summary>A server whose store holds the demo week, trained on its first 7 days with the last day scored.</summary>
    public static Task<RunningServer> TrainedAsync(Func<VigilConfig, VigilConfig>? configure = null) => StartAsync(trained: true, configure);

    /// <summary>A server with the demo CSV as its source but no model and an empty store (before setup).</summary>
    public static Task<RunningServer> EmptyAsync(Func<VigilConfig, VigilConfig>? configure = null) => StartAsync(trained: false, configure);

    public static async Task<RunningServer> StartAsync(bool trained, Func<VigilConfig, VigilConfig>? configure)
    {
        var directory = new TempDirectory();
        var dataDir = Path.Combine(directory.Path, "data");
        var modelsDir = Path.Combine(directory.Path, "models");
        await DemoData.EnsureCsvAsync();
        if (trained)
        {
            await DemoData.CopyTrainedAsync(dataDir, modelsDir);
        }

        var config = DemoData.Config(dataDir, modelsDir);
        config = configure?.Invoke(config) ?? config;
        var server = VigilApi.Create(new VigilApiOptions(config) { Listen = "http://127.0.0.1:0", EnableScheduler = false });
        await server.StartAsync(CancellationToken.None);
        return new RunningServer(directory, server, config);
    }

    public async Task<JsonElement> GetJsonAsync(string path)
    {
        using var response = await Client.GetAsync(path);
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public Task<HttpResponseMessage> PostJsonAsync(string path, string json) =>
        Client.PostAsync(path, new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
        _directory.Dispose();
    }
}
