using System.Globalization;
using Vigil.Collectors.Text;
using Vigil.Ingest;
using Vigil.Storage;

// Usage: Vigil.IngestChild STORE text:PATH BATCH_SIZE
// Ingests what is new since the checkpoint, printing "batch N" after each commit (so a test can kill it mid-ingest)
// and "done READ ADDED" at the end.
var spec = args[1];
var source = new TextFileSource(spec, spec[(spec.IndexOf(':', StringComparison.Ordinal) + 1)..], isLive: false)
{
    BatchSize = int.Parse(args[2], CultureInfo.InvariantCulture),
};
using var store = SqliteEventStore.Open(args[0]);
var batches = 0;
var follower = new EventIngestor(store, IngestPolicy.Default, Console.Error.WriteLine)
{
    BatchCommitted = _ => Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"batch {++batches}")),
};
var totals = await follower.IngestAsync(source, CancellationToken.None);
Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"done {totals.Read} {totals.Added}"));
