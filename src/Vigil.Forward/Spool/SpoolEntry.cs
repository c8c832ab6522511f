namespace Vigil.Forward.Spool;

/// <summary>One spooled batch as the spool indexes it: enough to order, account and resume without reading its events.</summary>
internal sealed record SpoolEntry(long Sequence, string Source, string Checkpoint, int Count, long Bytes, string Path);
