using System.Text;
using Google.Protobuf;
using OpenTelemetry.Proto.Collector.Logs.V1;
using Vigil.Core.Events;
using static Vigil.Otlp.Tests.Support.Otlp;

namespace Vigil.Otlp.Tests;

public sealed class OtlpJsonTests
{
    /// <summary>As the OTLP/JSON specification writes it: camelCase, hex ids, int64 as strings, enums as numbers.</summary>
    private const string SpecJson = """
        {"resourceLogs":[{"resource":{"attributes":[{"key":"host.name","value":{"stringValue":"web01"}}]},
          "scopeLogs":[{"scope":{"name":"app"},"logRecords":[{
            "timeUnixNano":"1772446530000000000","observedTimeUnixNano":"1772446531000000000",
            "severityNumber":17,"severityText":"Error",
            "traceId":"5b8efff798038103d269b633813fc60c","spanId":"eee19b7ec3c1b174",
            "body":{"stringValue":"payment failed"},
            "attributes":[{"key":"attempt","value":{"intValue":"3"}}],
            "someFutureField":true}]}]}]}
        """;

    [Fact]
    public void TheSpecificationsJsonEncodingIsRead()
    {
        var request = OtlpJson.ParseRequest(Encoding.UTF8.GetBytes(SpecJson));
        var record = Assert.Single(OtlpLogMapper.Map(request).Accepted);

        Assert.Equal(new DateTime(2026, 3, 2, 10, 15, 30, DateTimeKind.Utc), record.Event.TimeCreated);
        Assert.Equal(LevelMapping.Error, record.Event.Level);
        Assert.Equal("payment failed", record.Event.Message);
        Assert.Equal(Convert.FromHexString("5b8efff798038103d269b633813fc60c"), request.ResourceLogs[0].ScopeLogs[0].LogRecords[0].TraceId.ToByteArray());
        Assert.Equal(3, request.ResourceLogs[0].ScopeLogs[0].LogRecords[0].Attributes[0].Value.IntValue);
    }

    [Fact]
    public void SnakeCaseNamesAndEnumNamesAreReadToo()
    {
        var json = """
            {"resource_logs":[{"resource":{"attributes":[{"key":"host.name","value":{"string_value":"web01"}}]},
              "scope_logs":[{"log_records":[{"time_unix_nano":1772446530000000000,"severity_number":"SEVERITY_NUMBER_WARN","body":{"string_value":"w"}}]}]}]}
            """;

        var record = Assert.Single(OtlpLogMapper.Map(OtlpJson.ParseRequest(Encoding.UTF8.GetBytes(json))).Accepted);

        Assert.Equal(LevelMapping.Warning, record.Event.Level);
    }

    [Fact]
    public void JsonAndProtobufOfOneRequestStoreTheSameRecords()
    {
        var request = Request("web01", Record("a", 13, attributes: Pair("n", 1)), Record("b"));
        var fromJson = OtlpLogMapper.Map(OtlpJson.ParseRequest(Encoding.UTF8.GetBytes(JsonFormatter.Default.Format(request))));
        var fromProtobuf = OtlpLogMapper.Map(ExportLogsServiceRequest.Parser.ParseFrom(request.ToByteArray()));

        Assert.Equal(fromProtobuf.Accepted, fromJson.Accepted);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    [InlineData("{\"resourceLogs\":\"nope\"}")]
    [InlineData("{\"resourceLogs\":[{\"scopeLogs\":[{\"logRecords\":[{\"timeUnixNano\":\"soon\"}]}]}]}")]
    public void ABodyThatIsNotAnExportRequestSaysSo(string json)
    {
        var ex = Assert.Throws<OtlpFormatException>(() => OtlpJson.ParseRequest(Encoding.UTF8.GetBytes(json)));

        Assert.Contains("JSON", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ThePartialSuccessAnswerUsesTheJsonMapping()
    {
        var response = new ExportLogsServiceResponse { PartialSuccess = new ExportLogsPartialSuccess { RejectedLogRecords = 2, ErrorMessage = "no host" } };

        Assert.Equal("{ \"partialSuccess\": { \"rejectedLogRecords\": \"2\", \"errorMessage\": \"no host\" } }", OtlpJson.FormatResponse(response));
    }
}
