using Vigil.Collectors.Evtx.BinXml;

namespace Vigil.Collectors.Evtx.Output;

/// <summary>Per-worker output of one chunk: UTF-8 bytes ready to copy to the destination in file order.</summary>
internal sealed class ChunkOutput
{
    public ChunkOutput()
    {
        Xml = new XmlRecordSink(Bytes);
    }

    public Utf8Buffer Bytes { get; } = new(1 << 18);

    public XmlRecordSink Xml { get; }

    public FieldCollectorSink Fields { get; } = new();

    public EvtxJsonRecordWriter JsonRecords { get; } = new();

    public long Records { get; set; }

    public long Skipped { get; set; }

    public void Clear()
    {
        Bytes.Clear();
        Records = 0;
        Skipped = 0;
    }
}
