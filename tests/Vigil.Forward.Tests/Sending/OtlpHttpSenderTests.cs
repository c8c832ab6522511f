using Google.Protobuf;
using Microsoft.AspNetCore.Http;
using OpenTelemetry.Proto.Collector.Logs.V1;
using Vigil.Core.Events;
using Vigil.Forward.Sending;
using Vigil.Forward.Tests.Support;

namespace Vigil.Forward.Tests.Sending;

public sealed class OtlpHttpSenderTests
{
    [Fact]
    public async Task ABatchArrivesAsGzipProtobufWithTheKeyAndIsFiledUnderTheHostAndSource()
    {
        await using var server = await OtlpTestServer.StartAsync();
        using var sender = new OtlpHttpSender(new Uri(server.Url), "ingest-key-0123456789", "dc01");

        var result = await sender.SendAsync(Batch(3), CancellationToken.None);
        await sender.SendAsync(Batch(3), CancellationToken.None);

        Assert.Equal(SendStatus.Accepted, result.Status);
        Assert.Equal(3, server.Stored);
        Assert.Equal(["host:dc01/eventlog:Security"], server.StoredSources());
        Assert.All(server.Requests, r => Assert.Equal(("ingest-key-0123456789", "gzip", "application/x-protobuf"), r));
    }

    [Fact]
    public async Task PartialSuccessIsAnAcknowledgementWithTheServersCountAndReason()
    {
        await using var server = await OtlpTestServer.StartAsync();
        var partial = new ExportLogsServiceResponse { PartialSuccess = new() { RejectedLogRecords = 2, ErrorMessage = "host name 'x y' is not valid" } };
        server.Respond = _ => Results.Bytes(partial.ToByteArray(), "application/x-protobuf");
        using var sender = new OtlpHttpSender(new Uri(server.Url), null, "dc01");

        var result = await sender.SendAsync(Batch(3), CancellationToken.None);

        Assert.Equal(new SendResult(SendStatus.Accepted, 2, "host name 'x y' is not valid"), result);
    }

    [Theory]
    [InlineData(503)]
    [InlineData(429)]
    [InlineData(500)]
    public async Task AnOverloadedOrFailingServerIsRetriedAfterItsRetryAfter(int status)
    {
        await using var server = await OtlpTestServer.StartAsync();
        server.Respond = context =>
        {
            context.Response.Headers.RetryAfter = "7";
            return Results.StatusCode(status);
        };
        using var sender = new OtlpHttpSender(new Uri(server.Url), null, "dc01");

        var result = await sender.SendAsync(Batch(1), CancellationToken.None);

        Assert.Equal(SendStatus.Retry, result.Status);
        Assert.Equal(TimeSpan.FromSeconds(7), result.RetryAfter);
        Assert.Contains(status.ToString(System.Globalization.CultureInfo.InvariantCulture), result.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(401, "refused the ingest key")]
    [InlineData(403, "refused the ingest key")]
    [InlineData(404, "--to must be the address")]
    public async Task ARefusedKeyOrAWrongAddressIsForTheOperatorAndNeverShowsTheKey(int status, string expected)
    {
        await using var server = await OtlpTestServer.StartAsync();
        server.Respond = _ => Results.StatusCode(status);
        using var sender = new OtlpHttpSender(new Uri(server.Url), "secret-ingest-key-42", "dc01");

        var error = await Assert.ThrowsAsync<ForwardException>(() => sender.SendAsync(Batch(1), CancellationToken.None));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-ingest-key-42", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABatchTheServerCannotTakeIsRejectedWholeNotRetried()
    {
        await using var server = await OtlpTestServer.StartAsync();
        server.Respond = _ => Results.Text("record 2: body too large", statusCode: 400);
        using var sender = new OtlpHttpSender(new Uri(server.Url), null, "dc01");

        var result = await sender.SendAsync(Batch(4), CancellationToken.None);

        Assert.Equal(new SendResult(SendStatus.Accepted, 4, "400 Bad Request: record 2: body too large"), result);
    }

    [Theory]
    [InlineData("http://vigil:5000", "http://vigil:5000/v1/logs")]
    [InlineData("http://vigil:5000/", "http://vigil:5000/v1/logs")]
    [InlineData("https://logs.example/vigil/", "https://logs.example/vigil/v1/logs")]
    [InlineData("http://vigil:5000/v1/logs", "http://vigil:5000/v1/logs")]
    public void TheEndpointIsTheServerAddressFollowedByV1Logs(string to, string expected) =>
        Assert.Equal(expected, OtlpHttpSender.Endpoint(new Uri(to)).ToString());

    private static ForwardBatch Batch(int count) => new(
        1,
        "eventlog:Security",
        "bookmark",
        [.. Enumerable.Range(1, count).Select(n => new LogEvent(new DateTime(2026, 3, 1, 10, 0, n, DateTimeKind.Utc), LevelMapping.Error, 4625, "Microsoft-Windows-Security-Auditing", "Security", "DC01", $"logon failure {n}", $"DC01/Security/{n}"))]);
}
