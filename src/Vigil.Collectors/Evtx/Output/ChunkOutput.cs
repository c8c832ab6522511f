using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace Vigil.Collectors.Evtx.Output;

/// <summary>Per-worker output of one chunk: encoded bytes ready to copy to the destination in file order.</summary>
internal sealed class ChunkOutput
{
    private readonly Encoder _encoder = new UTF8Encoding(false).GetEncoder();

    public ChunkOutput()
    {
        Json = new Utf8JsonWriter(Bytes, new JsonWriterOptions { SkipValidation = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        Xml = new XmlRecordSink(Text);
    }

    public ArrayBufferWriter<byte> Bytes { get; } = new(1 << 17);

    public StringBuilder Text { get; } = new(1 << 17);

    public XmlRecordSink Xml { get; }

    public FieldCollectorSink Fields { get; } = new();

    public Utf8JsonWriter Json { get; }

    public long Records { get; set; }

    public long Skipped { get; set; }

    public void Clear()
    {
        Bytes.ResetWrittenCount();
        Text.Clear();
        Records = 0;
        Skipped = 0;
    }

    /// <summary>Encodes <see cref="Text"/> into <see cref="Bytes"/> as UTF-8.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void EncodeText()
    {
        // One encoder across the builder's pieces, so a surrogate pair split between two pieces stays whole.
        _encoder.Reset();
        foreach (var part in Text.GetChunks())
        {
            var span = Bytes.GetSpan(Encoding.UTF8.GetMaxByteCount(part.Length));
            Bytes.Advance(_encoder.GetBytes(part.Span, span, flush: false));
        }

        var tail = Bytes.GetSpan(8);
        Bytes.Advance(_encoder.GetBytes([], tail, flush: true));
    }
}
