namespace Vigil.Collectors.Evtx;

/// <summary>What a dump wrote: records written and records or chunks skipped because they were damaged.</summary>
public sealed record EvtxDumpResult(long RecordsWritten, long RecordsSkipped, int Warnings);
