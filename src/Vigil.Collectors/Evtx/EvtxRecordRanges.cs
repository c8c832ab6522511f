using Vigil.Collectors.Evtx.Output;

namespace Vigil.Collectors.Evtx;

/// <summary>
/// The EventRecordID and TimeCreated ranges of rendered records. The record header's id and written time are not
/// these: an exported log renumbers its headers and many tools leave the written time at 0 (year 1601).
/// </summary>
internal sealed class EvtxRecordRanges
{
    private readonly FieldCollectorSink _sink = new();

    public ulong? MinRecordId { get; private set; }

    public ulong? MaxRecordId { get; private set; }

    public DateTime? Earliest { get; private set; }

    public DateTime? Latest { get; private set; }

    /// <summary>Renders every record of the worker's chunk (damaged ones are skipped with a warning) and widens the ranges.</summary>
    public void Collect(EvtxChunkWorker worker)
    {
        foreach (var record in worker.Records)
        {
            _sink.Reset();
            if (!worker.TryRender(record, _sink))
            {
                continue;
            }

            if (_sink.Fields.EventRecordId is { } id)
            {
                MinRecordId = MinRecordId is { } min && min <= id ? min : id;
                MaxRecordId = MaxRecordId is { } max && max >= id ? max : id;
            }

            if (_sink.Fields.TimeCreated is { } time)
            {
                Earliest = Earliest is { } first && first <= time ? first : time;
                Latest = Latest is { } last && last >= time ? last : time;
            }
        }
    }
}
