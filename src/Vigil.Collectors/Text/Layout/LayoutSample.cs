using System.IO.Compression;
using System.Text;
using Vigil.Collectors.Text.Files;

namespace Vigil.Collectors.Text.Layout;

/// <summary>The first lines of a file (decompressed for .gz), from which its layout is learned.</summary>
internal static class LayoutSample
{
    /// <summary>Lines enough to trust a layout learned from a file that is still growing.</summary>
    public const int EnoughLines = 50;

    private const int MaxBytes = 256 * 1024;

    private const int MaxLineLength = 4096;

    /// <param name="wholeFile">The sample is the whole file.</param>
    public static List<string> Read(string path, bool compressed, out bool wholeFile)
    {
        var lines = new List<string>();
        wholeFile = false;
        try
        {
            using var stream = FileProbe.Open(path);
            using var readable = compressed ? new GZipStream(stream, CompressionMode.Decompress) : (Stream)stream;
            using var reader = new StreamReader(readable, new UTF8Encoding(false, false), true, 1 << 16);
            lines = Read(reader, out wholeFile);
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            // The read itself reports what is wrong with the file; without a sample, the known formats are read.
        }

        return lines;
    }

    /// <summary>Complete lines only: a last line without its newline may still be being written.</summary>
    public static List<string> Read(TextReader reader, out bool wholeFile)
    {
        var buffer = new char[MaxBytes];
        var filled = 0;
        int n;
        while (filled < buffer.Length && (n = reader.Read(buffer, filled, buffer.Length - filled)) > 0)
        {
            filled += n;
        }

        wholeFile = filled < buffer.Length;
        var lines = new List<string>();
        var text = buffer.AsSpan(0, filled);
        while (lines.Count < LayoutInference.SampleLines)
        {
            var newline = text.IndexOf('\n');
            if (newline < 0)
            {
                break;
            }

            var line = text[..newline].TrimEnd('\r');
            lines.Add(line[..Math.Min(line.Length, MaxLineLength)].ToString());
            text = text[(newline + 1)..];
        }

        return lines;
    }
}
