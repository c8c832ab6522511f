namespace Vigil.Collectors.Evtx;

/// <summary>
/// One event record of a chunk: "**\0\0", size, record id, written time, binary XML, size again.
/// Offsets are relative to the chunk.
/// </summary>
internal readonly record struct EvtxRecord(ulong Id, long WrittenTime, int Offset, int DataOffset, int DataLength)
{
    public const int HeaderSize = 24;
    public const uint Magic = 0x00002a2a;
}
