using Microsoft.Extensions.Logging;
using OpenTelemetry.Exporter;
using OpenTelemetry.Logs;
using OpenTelemetry.Resources;
using Vigil.Api.Tests.Support;
using Vigil.Core.Events;
using static Vigil.Api.Tests.Support.PushServer;

namespace Vigil.Api.Tests.Receivers;

/// <summary>The OpenTelemetry .NET SDK's own OTLP exporter (HTTP/protobuf), as an application would use it, against a real serve.</summary>
public sealed class OpenTelemetrySdkTests
{
    [Fact]
    public async Task LogsOfAnApplicationUsingTheSdkExporterAreStoredOnce()
    {
        await using var server = await StartAsync();
        const int count = 300;

        using (var factory = LoggerFactory.Create(logging => logging
            .SetMinimumLevel(LogLevel.Trace)
            .AddOpenTelemetry(o =>
            {
                // Without it the SDK sends the template ("Payment {Order} failed") as the body, values as attributes.
                o.IncludeFormattedMessage = true;
                o.SetResourceBuilder(ResourceBuilder.CreateEmpty().AddService("checkout").AddAttributes([new("host.name", "App01.example.org")]));
                o.AddOtlpExporter(e =>
                {
                    e.Protocol = OtlpExportProtocol.HttpProtobuf;
                    e.Endpoint = new Uri(server.BaseAddress, "/v1/logs");
                    e.Headers = $"X-Api-Key={IngestKey}";
                });
            })))
        {
            var logger = factory.CreateLogger("Checkout.Payments");
            for (var i = 0; i < count; i++)
            {
                if (i % 3 == 0)
                {
                    logger.LogError("Payment {Order} failed", i);
                }
                else
                {
                    logger.LogInformation("Payment {Order} accepted", i);
                }
            }

            logger.LogCritical("Card processor unreachable");
            logger.LogDebug("cache warm");
        }

        var stored = await StoredAsync(server, "host:app01.example.org/otlp");
        Assert.Equal(count + 2, stored.Count);
        Assert.Equal(count + 2, stored.Select(e => e.RecordKey).Distinct().Count());
        Assert.Equal(count / 3, stored.Count(e => e.Level == LevelMapping.Error));
        Assert.Single(stored, e => e.Level == LevelMapping.Critical && e.Message == "Card processor unreachable");
        Assert.Single(stored, e => e.Level == LevelMapping.Verbose);
        Assert.Contains(stored, e => e.Message == "Payment 3 failed");
        Assert.All(stored, e => Assert.Equal("checkout", e.Provider));
    }
}
