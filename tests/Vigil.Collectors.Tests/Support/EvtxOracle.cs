using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Vigil.Collectors.Tests.Support;

/// <summary>Runs the independent EVTX parsers installed on the machine and splits their output into records.</summary>
internal static partial class EvtxOracle
{
    public const string EvtxExport = "/usr/bin/evtxexport";
    public const string PythonEvtx = "/usr/bin/evtx_dump.py";

    /// <summary>libevtx's records as XML; <c>Complete</c> is false when it gave up part way (it then stops).</summary>
    public static OracleOutput RunEvtxExport(string file) => Run(EvtxExport, ["-f", "xml", file]);

    /// <summary>python-evtx's records as XML (slow: ~0.1 MB/s, use on small files).</summary>
    public static OracleOutput RunPythonEvtx(string file) => Run("/usr/bin/python3", [PythonEvtx, file]);

    public static IReadOnlyList<string> SplitRecords(string xml) =>
        EventStart().Split(xml).Select(static r => r.Trim()).Where(static r => r.StartsWith("<Event", StringComparison.Ordinal)).Select(StripTrailer).ToList();

    private static string StripTrailer(string record)
    {
        var end = record.LastIndexOf("</Event>", StringComparison.Ordinal);
        return end < 0 ? record : record[..(end + "</Event>".Length)];
    }

    private static OracleOutput Run(string program, string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        var error = stderr.Result;
        var complete = process.ExitCode == 0 && !error.Contains("Unable to export", StringComparison.Ordinal) && !error.Contains("Traceback", StringComparison.Ordinal);
        return new OracleOutput(SplitRecords(stdout), complete, error);
    }

    [GeneratedRegex("(?=<Event xmlns)")]
    private static partial Regex EventStart();
}

internal sealed record OracleOutput(IReadOnlyList<string> Records, bool Complete, string Errors);
