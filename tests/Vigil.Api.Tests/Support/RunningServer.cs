using System.Net.Http.Json;
using System.Text.Json;
using Vigil.Pipeline.Configuration;

namespace Vigil.Api.Tests.Support;

/// <summary>
/// A real <c>vigil serve</c> (Kestrel on 127.0.0.1, a random port) over a real SQLite store in a temp folder.
/// <see cref="Client"/> sends the server's API key (configured, or the one it generated); <see cref="Anonymous"/> sends none.
/// </summary>
public sealed class RunningServer : IAsyncDisposable
{
    private readonly TempDirectory _directory;

    private RunningServer(TempDirectory directory, VigilServer server, VigilConfig config)
    {
        _directory = directory;
        Server = server;
        Config = config;
        BaseAddress = new Uri(server.Addresses.Single());
        Key = server.ApiKey;
        Client = new HttpClient { BaseAddress = BaseAddress };
        Client.DefaultRequestHeaders.Add("X-Api-Key", Key);
        Anonymous = new HttpClient { BaseAddress = BaseAddress };
    }

    public VigilServer Server { get; }

    public VigilConfig Config { get; }

    public Uri BaseAddress { get; }

    public HttpClient Client { get; }

    public HttpClient Anonymous { get; }

    public string Key { get; }

    /// <summary>A server whose store holds the demo week, trained on its first 7 days with the last day scored.</summary>
    public static Task<RunningServer> TrainedAsync(Func<VigilConfig, VigilConfig>? configure = null) => StartAsync(trained: true, configure);

    /// <summary>A server with the demo CSV as its source but no model and an empty store (before setup).</summary>
    public static Task<RunningServer> EmptyAsync(Func<VigilConfig, VigilConfig>? configure = null) => StartAsync(trained: false, configure);

    public static Task<RunningServer> StartAsync(bool trained, Func<VigilConfig, VigilConfig>? configure) =>
        StartAsync(trained, configure, o => o);

    public static async Task<RunningServer> StartAsync(bool trained, Func<VigilConfig, VigilConfig>? configure, Func<VigilApiOptions, VigilApiOptions> options)
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
        var server = VigilApi.Create(options(new VigilApiOptions(config) { Listen = "http://127.0.0.1:0", EnableScheduler = false }));
        try
        {
            await server.StartAsync(CancellationToken.None);
        }
        catch
        {
            await server.DisposeAsync();
            directory.Dispose();
            throw;
        }

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
        Anonymous.Dispose();
        await Server.DisposeAsync();
        _directory.Dispose();
    }
}
