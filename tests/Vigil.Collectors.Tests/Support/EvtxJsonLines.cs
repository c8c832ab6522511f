using System.Text.Json;
using Vigil.Collectors.Evtx;

namespace Vigil.Collectors.Tests.Support;

/// <summary>Vigil's JSON-lines dump of a file, parsed back.</summary>
internal static class EvtxJsonLines
{
    public static (IReadOnlyList<JsonElement> Records, IReadOnlyList<string> Warnings) Read(string file)
    {
        var (text, warnings) = VigilEvtx.Dump(file, EvtxDumpFormat.Jsonl);
        var records = text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(static line => JsonDocument.Parse(line).RootElement.Clone()).ToList();
        return (records, warnings);
    }

    public static IReadOnlyList<ulong> RecordIds(string file) =>
        Read(file).Records.Select(static r => r.GetProperty("EventRecordID").GetUInt64()).ToList();
}
