using System.Text;
using System.Text.Json;
using Vigil.Collectors.Evtx.BinXml;
using Vigil.Collectors.Evtx.Output;

namespace Vigil.Collectors.Tests.Evtx;

public sealed class JsonUtf8StringTests
{
    // Non-ASCII text takes the encoder road: accents, CJK, a character outside the BMP, characters the relaxed encoder
    // still escapes (U+2028, U+FEFF, U+00AD), and ASCII specials mixed in.
    [Theory]
    [InlineData("Ré\u00e9seau \"été\" C:\\Users\\Jérôme")]
    [InlineData("事件日志 サービス 이벤트")]
    [InlineData("emoji \ud83d\ude00 after")]
    [InlineData("sep\u2028line\u2029para\ufeffbom\u00adsoft\u0001ctl\u007f")]
    [InlineData("plain ascii\twith tab")]
    public void ValuesAreWrittenAsTheJsonWriterWritesThem(string text)
    {
        var value = Encoding.UTF8.GetBytes(text);
        var ours = new Utf8Buffer();

        JsonUtf8String.Write(ours, value);

        Assert.Equal(Writers(w => w.WriteStringValue(value)), Encoding.UTF8.GetString(ours.WrittenSpan));
        Assert.Equal(Writers(w => w.WriteStringValue(text)), Encoding.UTF8.GetString(JsonUtf8String.Encode(text)));
    }

    [Fact]
    public void ALongNonAsciiValueLargerThanOneEncoderStepIsWrittenWhole()
    {
        var text = string.Concat(Enumerable.Repeat("é\u2028\ud83d\ude00x", 5000));
        var value = Encoding.UTF8.GetBytes(text);
        var ours = new Utf8Buffer();

        JsonUtf8String.Write(ours, value);

        Assert.Equal(Writers(w => w.WriteStringValue(value)), Encoding.UTF8.GetString(ours.WrittenSpan));
    }

    private static string Writers(Action<Utf8JsonWriter> write)
    {
        var buffer = new Utf8Buffer();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = true, Encoder = EvtxJsonRecordWriter.Encoder }))
        {
            write(json);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
