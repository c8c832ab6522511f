using System.Diagnostics;

namespace Vigil.Cli.Commands.Service;

/// <summary>Runs Windows' service control tool with its output passed through.</summary>
internal static class ScExe
{
    public static async Task<int> RunAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("sc.exe") { UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new IOException("sc.exe could not be started");
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        return process.ExitCode;
    }
}
