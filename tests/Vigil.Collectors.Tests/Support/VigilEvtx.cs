using System.Text;
using Vigil.Collectors.Evtx;

namespace Vigil.Collectors.Tests.Support;

/// <summary>Vigil's own dump of a file, in memory, with the warnings it reported.</summary>
internal static class VigilEvtx
{
    public static (IReadOnlyList<string> Records, IReadOnlyList<string> Warnings) DumpXml(string file, int threads = 1)
    {
        var (text, warnings) = Dump(file, EvtxDumpFormat.Xml, threads);
        return (EvtxOracle.SplitRecords(text), warnings);
    }

    public static (string Text, IReadOnlyList<string> Warnings) Dump(string file, EvtxDumpFormat format, int threads = 1)
    {
        var warnings = new List<string>();
        using var output = new MemoryStream();
        EvtxDumper.Dump(file, output, format, threads, warnings.Add);
        return (Encoding.UTF8.GetString(output.ToArray()), warnings);
    }
}
