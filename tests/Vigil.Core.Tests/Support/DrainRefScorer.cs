using System.Diagnostics;

namespace Vigil.Core.Tests.Support;

/// <summary>Scores <c>line,template_id</c> rows with the shared reference scorer, <c>drain_ref.py --score</c>.</summary>
public static class DrainRefScorer
{
    /// <returns>The grouping accuracy as the scorer prints it (four decimals).</returns>
    public static string Score(string structuredCsv, string assignmentsCsv)
    {
        var script = Path.Combine(SharedData.Directory, "..", "tools", "drain_ref.py");
        var start = new ProcessStartInfo("/usr/bin/python3", [script, "--score", structuredCsv, assignmentsCsv])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"drain_ref.py --score failed ({process.ExitCode}): {output} {error.Result}");
        }

        return output.Trim();
    }
}
