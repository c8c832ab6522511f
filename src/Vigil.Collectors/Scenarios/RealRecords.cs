using Vigil.Collectors.Files;
using Vigil.Core.Events;

namespace Vigil.Collectors.Scenarios;

/// <summary>
/// Real Windows records (7045 service installs, 4720/4728/4732 account changes, 4625/4776 failures...) extracted from
/// the EVTX samples by tests/scenarios/extract_real_records.py and embedded from tests/scenarios/real-records.csv.
/// </summary>
internal static class RealRecords
{
    private const string Resource = "Vigil.Collectors.Scenarios.real-records.csv";

    public static IReadOnlyList<LogEvent> Load()
    {
        using var stream = typeof(RealRecords).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"The embedded resource {Resource} is missing from the build.");
        using var reader = new StreamReader(stream);
        var skipped = new SkippedLines();
        var events = FileEventSource.ReadCsv(reader, new EventRecordParser("real-records"), skipped, CancellationToken.None).ToBlockingEnumerable().ToList();
        skipped.Report(Resource, message => throw new InvalidOperationException(message));
        return events;
    }
}
