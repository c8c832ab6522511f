using Vigil.Collectors.Text.Layout;
using Vigil.Collectors.Text.Parsing;

namespace Vigil.Collectors.Text;

/// <summary>
/// The layout of one text file as the text source reads it, for callers outside the source: <c>vigil templates</c>
/// strips each line's header with it before mining, and <c>--show-format</c> prints it.
/// </summary>
public sealed class TextLayoutProbe
{
    private readonly LineLayout? _layout;
    private readonly LineContext _context;

    internal static TextLayoutProbe ForFile(string path, TimeZoneInfo zone, LineLayout? configured) =>
        configured is null ? ForFile(path, zone) : new TextLayoutProbe(path, configured, new LineContext(File.GetLastWriteTimeUtc(path), zone));

    private TextLayoutProbe(string path, LineLayout? layout, LineContext context)
    {
        Path = path;
        _layout = layout is null || layout.IsEmpty ? null : layout;
        _context = context;
    }

    public string Path { get; }

    /// <summary>Learns the layout of <paramref name="path"/> from its first lines, or takes the <paramref name="format"/> given for it.</summary>
    /// <exception cref="SourceException">The format is not valid.</exception>
    public static TextLayoutProbe ForFile(string path, TimeZoneInfo? zone = null, string? format = null)
    {
        var context = new LineContext(File.GetLastWriteTimeUtc(path), zone ?? TimeZoneInfo.Local);
        if (format is not null)
        {
            return new TextLayoutProbe(path, LineLayout.Configured(format, "--format"), context);
        }

        var sample = LayoutSample.Read(path, path.EndsWith(".gz", StringComparison.Ordinal), out _);
        return new TextLayoutProbe(path, LayoutInference.Infer(sample, context), context);
    }

    /// <summary>Where the message of <paramref name="line"/> starts: past its timestamp and header, or 0 when it has none.</summary>
    public int MessageStart(ReadOnlySpan<char> line) =>
        _layout is not null && _layout.TryFindContent(line, _context, out var start) ? start : 0;

    public IEnumerable<string> Describe() => (_layout ?? LineLayout.KnownFormatsOnly()).Describe();
}
