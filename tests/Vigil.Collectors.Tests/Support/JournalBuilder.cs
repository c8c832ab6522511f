using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Vigil.Collectors.Tests.Support;

/// <summary>
/// Writes a real .journal file: entries in the journal export format fed to systemd-journal-remote, the tool that
/// receives journals from other machines. Entry i is at <see cref="Start"/> + i seconds with MESSAGE "entry i".
/// </summary>
internal static class JournalBuilder
{
    public static readonly DateTime Start = new(2024, 1, 2, 3, 4, 5, DateTimeKind.Utc);

    public static void Write(string directory, int firstEntry, int count, string file = "x.journal")
    {
        Directory.CreateDirectory(directory);
        var export = Path.Combine(directory, "entries.export");
        using (var output = File.Create(export))
        {
            for (var i = firstEntry; i < firstEntry + count; i++)
            {
                var micros = (Start.AddSeconds(i) - DateTime.UnixEpoch).Ticks / 10;
                var text = string.Create(CultureInfo.InvariantCulture, $"""
                    __REALTIME_TIMESTAMP={micros}
                    __MONOTONIC_TIMESTAMP={1000 + i}
                    _BOOT_ID=0123456789abcdef0123456789abcdef
                    PRIORITY={i % 8}
                    _HOSTNAME=web01
                    SYSLOG_IDENTIFIER=app

                    """);
                output.Write(Encoding.UTF8.GetBytes(text));

                // Every fifth message is binary (a control character), which journalctl prints as an array of bytes.
                var message = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"entry {i}") + (i % 5 == 4 ? "\u0001" : string.Empty));
                output.Write("MESSAGE\n"u8);
                output.Write(BitConverter.GetBytes((ulong)message.Length));
                output.Write(message);
                output.Write("\n\n"u8);
            }
        }

        var info = new ProcessStartInfo("/lib/systemd/systemd-journal-remote") { RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add("--output=" + Path.Combine(directory, file));
        info.ArgumentList.Add(export);
        using var process = Process.Start(info)!;
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        File.Delete(export);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException("systemd-journal-remote failed: " + errors);
        }
    }
}
