using System.Security.Cryptography;
using Vigil.Collectors.Text.Layout;

namespace Vigil.Collectors.Text.Files;

/// <summary>
/// One file the source has read, as stored in the checkpoint. <see cref="Id"/> is fixed at first sight and prefixes the
/// record keys, so the same bytes read again under another name (a rename, a copy, a gzip) get the same keys.
/// </summary>
internal sealed class TrackedFile
{
    public string Id { get; set; } = string.Empty;

    public ulong Dev { get; set; }

    public ulong Ino { get; set; }

    /// <summary>How many first bytes <see cref="Fp"/> covers; grows with the file up to <see cref="FileProbe.PrefixLength"/>.</summary>
    public int FpLen { get; set; }

    public string Fp { get; set; } = string.Empty;

    /// <summary>Byte offset (in the decompressed content for .gz) just after the last record stored.</summary>
    public long Offset { get; set; }

    /// <summary>Lines before <see cref="Offset"/>, for warnings that name a line.</summary>
    public long Line { get; set; }

    /// <summary>Size of the .gz this content was last read from in full, so an unchanged archive is not decompressed again.</summary>
    public long? GzSize { get; set; }

    public string Path { get; set; } = string.Empty;

    /// <summary>The layout learned from the file's first lines, kept so a restart does not guess again.</summary>
    public LineLayout? Layout { get; set; }

    public static TrackedFile First(FileProbe probe)
    {
        var fp = Hash(probe.Prefix, probe.Prefix.Length);
        return new TrackedFile
        {
            Id = $"{probe.Inode:x}.{fp[..10]}",
            Dev = probe.Device,
            Ino = probe.Inode,
            FpLen = probe.Prefix.Length,
            Fp = fp,
            Path = probe.Path,
        };
    }

    public bool SameContentAs(FileProbe probe) =>
        FpLen > 0 && probe.Prefix.Length >= FpLen && Hash(probe.Prefix, FpLen) == Fp;

    public bool SameInodeAs(FileProbe probe) => Ino != 0 && Dev == probe.Device && Ino == probe.Inode;

    /// <summary>Lengthens the fingerprint while the file is young, so a later file with the same first line is not mistaken for it.</summary>
    public void Extend(FileProbe probe)
    {
        if (FpLen < FileProbe.PrefixLength && probe.Prefix.Length > FpLen && SameContentAs(probe))
        {
            FpLen = probe.Prefix.Length;
            Fp = Hash(probe.Prefix, FpLen);
        }
    }

    private static string Hash(byte[] prefix, int length) => Convert.ToHexStringLower(SHA256.HashData(prefix.AsSpan(0, length)));
}
