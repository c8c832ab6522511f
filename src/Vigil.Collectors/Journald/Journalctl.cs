using System.ComponentModel;
using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace Vigil.Collectors.Journald;

/// <summary>Runs journalctl and streams its stdout lines; a missing binary or a failed run is a one-line <see cref="SourceException"/>.</summary>
internal sealed class Journalctl
{
    private readonly string _sourceName;
    private readonly string _executable;

    public Journalctl(string sourceName, string executable)
    {
        _sourceName = sourceName;
        _executable = executable;
    }

    public async IAsyncEnumerable<string> LinesAsync(IReadOnlyList<string> arguments, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(_executable) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(info) ?? throw new SourceException($"{_sourceName}: could not start {_executable}.");
        }
        catch (Win32Exception ex)
        {
            throw new SourceException(
                $"{_sourceName}: {_executable} not found ({ex.Message}); this machine has no journald: read its log files with syslog:/var/log/syslog or file:PATH instead.",
                ex);
        }

        using (process)
        {
            var errors = process.StandardError.ReadToEndAsync(cancellationToken);
            try
            {
                string? line;
                while ((line = await process.StandardOutput.ReadLineAsync(cancellationToken).ConfigureAwait(false)) is not null)
                {
                    yield return line;
                }

                await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                if (!process.HasExited)
                {
                    process.Kill();
                }
            }

            var stderr = (await errors.ConfigureAwait(false)).Trim();
            if (process.ExitCode != 0 || stderr.StartsWith("No journal files", StringComparison.Ordinal))
            {
                var first = stderr.Split('\n', 2)[0];
                throw new SourceException($"{_sourceName}: journalctl failed (exit {process.ExitCode}): {first}; without a journal use syslog:/var/log/syslog or file:PATH.");
            }
        }
    }
}
