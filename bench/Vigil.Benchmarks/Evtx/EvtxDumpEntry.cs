using Vigil.Collectors.Evtx;

namespace Vigil.Benchmarks.Evtx;

/// <summary>The dump a side-by-side script times until the <c>vigil evtx dump</c> verb exists: FILE [xml|jsonl] [THREADS].</summary>
internal static class EvtxDumpEntry
{
    public static int Run(string[] args)
    {
        var format = args.Length > 1 && args[1] == "jsonl" ? EvtxDumpFormat.Jsonl : EvtxDumpFormat.Xml;
        var threads = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 1;
        using var stdout = new BufferedStream(Console.OpenStandardOutput(), 1 << 16);
        var result = EvtxDumper.Dump(args[0], stdout, format, threads, w => Console.Error.WriteLine($"warning: {w}"));
        Console.Error.WriteLine($"{result.RecordsWritten} records, {result.RecordsSkipped} skipped");
        return 0;
    }
}
