using Vigil.Collectors.Demo;
using Vigil.Collectors.Evtx;
using Vigil.Collectors.Files;
using Vigil.Collectors.Journald;
using Vigil.Collectors.Text;
using Vigil.Collectors.Windows;

namespace Vigil.Collectors;

/// <summary>Creates sources from specs such as <c>file:events.csv</c>, <c>eventlog:System</c> or <c>demo</c>.</summary>
public static class SourceFactory
{
    /// <summary>The kinds of spec understood, for help and error text.</summary>
    public const string Kinds = "file:PATH, evtx:PATH (file or folder), syslog:PATH, text:PATH (PATH may be a glob), journald[:DIR], eventlog:CHANNEL[|XPATH], demo";

    /// <summary>Creates one source; throws <see cref="SourceException"/> naming the spec when it is not understood.</summary>
    /// <param name="formats">Formats for text files inference gets wrong, by file name or glob (<c>[formats]</c>).</param>
    public static ILogSource Create(string spec, IReadOnlyDictionary<string, string>? formats = null)
    {
        var trimmed = spec.Trim();
        var colon = trimmed.IndexOf(':', StringComparison.Ordinal);
        var kind = (colon < 0 ? trimmed : trimmed[..colon]).ToLowerInvariant();
        var argument = colon < 0 ? string.Empty : trimmed[(colon + 1)..];
        return kind switch
        {
            "demo" => new DemoSource(),
            "file" when argument.Length > 0 => new FileEventSource("file:" + Path.GetFullPath(argument), argument),
            "evtx" when argument.Length > 0 => EvtxFileSource.Create(Path.GetFullPath(argument)),
            "eventlog" when argument.Length > 0 => new WindowsEventLogSource(trimmed, argument),
            "syslog" or "text" => TextFileSource.Create(trimmed, formats)!,
            "journald" => JournaldSource.Create(trimmed) ?? throw new SourceException($"source '{spec}': use journald or journald:DIR"),
            "file" or "evtx" or "eventlog" => throw new SourceException($"source '{spec}': {kind}: needs a {(kind == "eventlog" ? "channel name" : "path")} after the colon"),
            _ => throw new SourceException($"source '{spec}' is not understood; use one of: {Kinds}"),
        };
    }

    /// <summary>Splits a comma-separated list of specs (<c>[vigil] source = eventlog:System, eventlog:Application</c>).</summary>
    public static IReadOnlyList<string> SplitSpecs(string specs) =>
        specs.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
