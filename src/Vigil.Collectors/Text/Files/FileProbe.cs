using System.IO.Compression;
using System.Runtime.InteropServices;

namespace Vigil.Collectors.Text.Files;

/// <summary>What identifies a file on disk right now: device and inode (Linux), size, and its first bytes (decompressed for .gz).</summary>
internal sealed record FileProbe(string Path, ulong Device, ulong Inode, long Size, DateTime WrittenUtc, byte[] Prefix)
{
    public const int PrefixLength = 256;

    public static FileProbe Read(string path, bool compressed)
    {
        var info = new FileInfo(path);
        var (device, inode) = Identity(path);
        using var stream = Open(path);
        Stream readable = compressed ? new GZipStream(stream, CompressionMode.Decompress) : stream;
        using (readable)
        {
            var buffer = new byte[PrefixLength];
            var filled = 0;
            try
            {
                int n;
                while (filled < buffer.Length && (n = readable.Read(buffer, filled, buffer.Length - filled)) > 0)
                {
                    filled += n;
                }
            }
            catch (InvalidDataException) when (compressed)
            {
                // A .gz still being written: its first bytes are not readable yet.
                filled = 0;
            }

            return new FileProbe(path, device, inode, info.Length, info.LastWriteTimeUtc, buffer[..filled]);
        }
    }

    /// <summary>Opens for reading without stopping the writer from appending, renaming or deleting the file.</summary>
    public static FileStream Open(string path) =>
        new(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.SequentialScan);

    private static (ulong Device, ulong Inode) Identity(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            return (0, 0);
        }

        // struct stat starts with st_dev and st_ino (both 64-bit) on x86_64 and aarch64 glibc.
        var buffer = new byte[256];
        try
        {
            return Stat(path, buffer) == 0
                ? (BitConverter.ToUInt64(buffer, 0), BitConverter.ToUInt64(buffer, 8))
                : (0, 0);
        }
        catch (EntryPointNotFoundException)
        {
            return (0, 0);
        }
    }

    [DllImport("libc", EntryPoint = "stat", SetLastError = true, CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
    private static extern int Stat(string path, byte[] buffer);
}
