using System.Text.Json;
using Vigil.Collectors.Evtx.BinXml;
using Vigil.Collectors.Evtx.Output;

namespace Vigil.Collectors.Tests.Evtx;

public sealed class JsonAsciiStringTests
{
    [Fact]
    public void EveryAsciiCharacterIsWrittenAsTheJsonWriterWritesIt()
    {
        for (var c = 0; c < 128; c++)
        {
            byte[] value = [(byte)'a', (byte)c, (byte)'z', (byte)c];

            var ours = Ours(value);
            var writers = Writers(value);

            Assert.True(ours == writers, $"character 0x{c:x2}: {ours} but the JSON writer writes {writers}");
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("C:\\Windows\\System32\\svchost.exe -k \"netsvcs\"")]
    [InlineData("line one\r\n\tline two\u0001\u007f<&>'+`/")]
    public void WholeValuesAreWrittenAsTheJsonWriterWritesThem(string text)
    {
        var value = System.Text.Encoding.ASCII.GetBytes(text);

        Assert.Equal(Writers(value), Ours(value));
    }

    private static string Ours(byte[] value)
    {
        var buffer = new Utf8Buffer();
        JsonAsciiString.Write(buffer, value);
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static string Writers(byte[] value)
    {
        var buffer = new Utf8Buffer();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = true, Encoder = EvtxJsonRecordWriter.Encoder }))
        {
            json.WriteStringValue(value);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
