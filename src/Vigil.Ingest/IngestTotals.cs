namespace Vigil.Ingest;

/// <summary>The sum of a one-shot ingest of one source.</summary>
public sealed record IngestTotals(string Source, long Read, long Added, long Late)
{
    public IngestTotals Add(BatchResult batch) => this with { Read = Read + batch.Read, Added = Added + batch.Added, Late = Late + batch.Late };
}
