using System.Diagnostics;

namespace Vigil.Collectors.Tests.Support;

/// <summary>Starts tests/Vigil.IngestChild (a one-shot ingest) as a real process the test can kill with SIGKILL.</summary>
internal static class IngestChild
{
    public static Process Start(string store, string spec, int batchSize)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "Vigil.IngestChild.dll"), store, spec, batchSize.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            info.ArgumentList.Add(arg);
        }

        return Process.Start(info) ?? throw new InvalidOperationException("could not start Vigil.IngestChild");
    }
}
