using System.Net;
using System.Text;
using Google.Protobuf;
using OpenTelemetry.Proto.Collector.Logs.V1;
using Vigil.Api.Tests.Support;
using Vigil.Core.Events;
using Vigil.Otlp.Rpc;
using static Vigil.Api.Tests.Support.PushServer;

namespace Vigil.Api.Tests.Receivers;

public sealed class OtlpLogsReceiverTests
{
    [Fact]
    public async Task AProtobufBatchIsStoredUnderItsHostAndAcknowledgedInFull()
    {
        await using var server = await StartAsync();

        using var response = await server.Anonymous.SendAsync(Protobuf(Request("WEB01", 3, severity: 17)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/x-protobuf", response.Content.Headers.ContentType?.MediaType);
        var answer = ExportLogsServiceResponse.Parser.ParseFrom(await response.Content.ReadAsByteArrayAsync());
        Assert.Null(answer.PartialSuccess);
        var stored = await StoredAsync(server, "host:web01/otlp");
        Assert.Equal(["line 0", "line 1", "line 2"], stored.Select(e => e.Message));
        Assert.All(stored, e => Assert.Equal(LevelMapping.Error, e.Level));
        Assert.Equal(Time, stored[0].TimeCreated);
    }

    [Fact]
    public async Task AJsonBatchIsStoredAndAnsweredInJson()
    {
        await using var server = await StartAsync();
        var json = JsonFormatter.Default.Format(Request("web02", 2));

        using var response = await server.Anonymous.SendAsync(Message(Encoding.UTF8.GetBytes(json), "application/json", IngestKey));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("{ }", await response.Content.ReadAsStringAsync());
        Assert.Equal(2, (await StoredAsync(server, "host:web02/otlp")).Count);
    }

    [Fact]
    public async Task AGzippedBatchIsInflatedAndStored()
    {
        await using var server = await StartAsync();

        using var response = await server.Anonymous.SendAsync(Protobuf(Request("web01", 5), gzip: true));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(5, (await StoredAsync(server, "host:web01/otlp")).Count);
    }

    [Fact]
    public async Task AResentBatchIsStoredOnce()
    {
        await using var server = await StartAsync();

        using var first = await server.Anonymous.SendAsync(Protobuf(Request("web01", 50)));
        using var resent = await server.Anonymous.SendAsync(Protobuf(Request("web01", 50)));
        using var asJson = await server.Anonymous.SendAsync(Message(Encoding.UTF8.GetBytes(JsonFormatter.Default.Format(Request("web01", 50))), "application/json", IngestKey));

        Assert.Equal(HttpStatusCode.OK, resent.StatusCode);
        Assert.Equal(HttpStatusCode.OK, asJson.StatusCode);
        Assert.Equal(50, await StoredCountAsync(server));
    }

    [Fact]
    public async Task TheBearerHeaderCarriesAnIngestKeyToo()
    {
        await using var server = await StartAsync();
        using var message = Protobuf(Request("web01", 1), key: null);
        message.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", IngestKey);

        using var response = await server.Anonymous.SendAsync(message);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, await StoredCountAsync(server));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key")]
    [InlineData(AdminKey)]
    public async Task WithoutAnIngestKeyNothingIsStored(string? key)
    {
        await using var server = await StartAsync();

        using var response = await server.Anonymous.SendAsync(Protobuf(Request("web01", 1), key));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(16, Status.Parser.ParseFrom(await response.Content.ReadAsByteArrayAsync()).Code);
        Assert.Equal(0, await StoredCountAsync(server));
    }

    [Fact]
    public async Task AnIngestKeyDoesNotOpenTheApi()
    {
        await using var server = await StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/status");
        request.Headers.Add("X-Api-Key", IngestKey);

        using var response = await server.Anonymous.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task WithoutIngestKeysConfiguredTheServerTakesNoPushes()
    {
        await using var server = await StartAsync(i => i with { Keys = [] });

        using var response = await server.Anonymous.SendAsync(Protobuf(Request("web01", 1)));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("[ingest] keys", Status.Parser.ParseFrom(await response.Content.ReadAsByteArrayAsync()).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AKeyBoundToAHostCannotWriteAnotherHostsRecords()
    {
        await using var server = await StartAsync();
        var request = Request("web01", 2);
        request.ResourceLogs.Add(Request("web02", 3, prefix: "forged").ResourceLogs);

        using var response = await server.Anonymous.SendAsync(Protobuf(request, Web01Key));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = ExportLogsServiceResponse.Parser.ParseFrom(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(3, answer.PartialSuccess.RejectedLogRecords);
        Assert.Contains("bound to host web01", answer.PartialSuccess.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(2, (await StoredAsync(server, "host:web01/otlp")).Count);
        Assert.Empty(await StoredAsync(server, "host:web02/otlp"));
    }

    [Fact]
    public async Task RecordsWithoutAHostAreRefusedInPartialSuccess()
    {
        await using var server = await StartAsync();
        var request = Request(null, 2);
        request.ResourceLogs.Add(Request("web01", 1).ResourceLogs);

        using var response = await server.Anonymous.SendAsync(Message(Encoding.UTF8.GetBytes(JsonFormatter.Default.Format(request)), "application/json", IngestKey));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = OtlpJsonAnswer(await response.Content.ReadAsStringAsync());
        Assert.Equal(2, answer.PartialSuccess.RejectedLogRecords);
        Assert.Contains("host.name", answer.PartialSuccess.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(1, await StoredCountAsync(server));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task RecordsWithoutAHostSentWithAKeyBoundToAHostAreThatHosts(bool json)
    {
        await using var server = await StartAsync();
        var request = Request(null, 2);
        var body = json ? Encoding.UTF8.GetBytes(JsonFormatter.Default.Format(request)) : request.ToByteArray();

        using var response = await server.Anonymous.SendAsync(Message(body, json ? "application/json" : "application/x-protobuf", Web01Key));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, (await StoredAsync(server, "host:web01/otlp")).Count);
        Assert.Equal(2, await StoredCountAsync(server));
    }

    [Theory]
    [InlineData("application/x-protobuf", false)]
    [InlineData("application/json", false)]
    [InlineData("application/x-protobuf", true)]
    public async Task AGarbageBodyIsABadRequestAndStoresNothing(string contentType, bool claimsGzip)
    {
        await using var server = await StartAsync();
        var garbage = new byte[] { 0x0a, 0xff, 0xff, 0xff, 0x7f, 0x01, 0x02, (byte)'{' };

        using var response = await server.Anonymous.SendAsync(Message(garbage, contentType, IngestKey, claimsGzip));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await StoredCountAsync(server));
    }

    [Fact]
    public async Task ABodyOverTheCapIsRefusedWith413()
    {
        await using var server = await StartAsync(i => i with { MaxRequestMegabytes = 1 });
        var big = Request("web01", 1, prefix: new string('x', 2 * 1024 * 1024));

        using var response = await server.Anonymous.SendAsync(Protobuf(big));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(0, await StoredCountAsync(server));
    }

    [Fact]
    public async Task AGzipBombIsRefusedWith413()
    {
        await using var server = await StartAsync(i => i with { MaxRequestMegabytes = 1 });
        var bomb = Gzip(Request("web01", 1, prefix: new string('x', 8 * 1024 * 1024)).ToByteArray());
        Assert.True(bomb.Length < 100_000);

        using var response = await server.Anonymous.SendAsync(Message(bomb, "application/x-protobuf", IngestKey, gzip: true));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(0, await StoredCountAsync(server));
    }

    [Fact]
    public async Task AnUnsupportedContentTypeIs415()
    {
        await using var server = await StartAsync();

        using var response = await server.Anonymous.SendAsync(Message("hello"u8.ToArray(), "text/plain", IngestKey));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task MinLevelAppliesToPushedRecordsToo()
    {
        await using var server = await RunningServer.StartAsync(
            trained: false,
            c => c with { Vigil = c.Vigil with { MinLevel = LevelMapping.Warning }, Ingest = new([new(IngestKey, null)], [], 16) });
        var request = Request("web01", 2, severity: 9);
        request.ResourceLogs.Add(Request("web01", 1, prefix: "warn", severity: 13).ResourceLogs);

        using var response = await server.Anonymous.SendAsync(Protobuf(request));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["warn 0"], (await StoredAsync(server, "host:web01/otlp")).Select(e => e.Message));
    }

    [Fact]
    public async Task WhenEverySlotIsBusyTheSenderIsToldToRetryLater()
    {
        await using var server = await StartAsync(options: o => o with { IngestSlots = 1, IngestSlotWait = TimeSpan.Zero });
        var release = new TaskCompletionSource();
        using var slow = Protobuf(Request("web01", 1));
        slow.Content = new StalledContent(slow.Content!, release.Task);
        slow.Content.Headers.ContentType = new("application/x-protobuf");
        var holding = server.Anonymous.SendAsync(slow);
        await ((StalledContent)slow.Content).Started;

        // The stalled request's first byte is on the wire, but its handler may not have taken the slot yet on a busy
        // machine: ask again until the server answers busy (a request that still got through is simply stored).
        var refused = await server.Anonymous.SendAsync(Protobuf(Request("web01", 1)));
        for (var tries = 0; refused.StatusCode != (HttpStatusCode)429 && tries < 100; tries++)
        {
            refused.Dispose();
            await Task.Delay(50);
            refused = await server.Anonymous.SendAsync(Protobuf(Request("web01", 1)));
        }

        using var _ = refused;
        release.SetResult();
        using var held = await holding;

        Assert.Equal((HttpStatusCode)429, refused.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), refused.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.OK, held.StatusCode);
    }

    private static ExportLogsServiceResponse OtlpJsonAnswer(string json) =>
        JsonParser.Default.Parse<ExportLogsServiceResponse>(json);

    /// <summary>A body that sends its first byte, then waits: keeps the server's slot busy for as long as the test likes.</summary>
    private sealed class StalledContent(HttpContent inner, Task release) : HttpContent
    {
        private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Started => _started.Task;

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            var bytes = await inner.ReadAsByteArrayAsync();
            await stream.WriteAsync(bytes.AsMemory(0, 1));
            await stream.FlushAsync();
            _started.SetResult();
            await release;
            await stream.WriteAsync(bytes.AsMemory(1));
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
