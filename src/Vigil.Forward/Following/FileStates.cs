using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Vigil.Forward.Following;

/// <summary>
/// The checkpoint of a source read file by file: for every file pushed whole, a short hash of its path with the size
/// and last write time it had when it was read (<c>files2:HASH:SIZE:TICKS,…</c>). A file whose size or last write
/// differs, or that is not listed, is read again. Anything else (an older checkpoint, a hand-edited one) lists no
/// file, so every file is read once more; the server stores each record once, so nothing is stored twice.
/// </summary>
internal sealed class FileStates
{
    private const string Prefix = "files2:";

    private readonly SortedDictionary<string, string> _states;

    private FileStates(SortedDictionary<string, string> states) => _states = states;

    public int Count => _states.Count;

    public static FileStates Parse(string? checkpoint)
    {
        var states = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (checkpoint is not null && checkpoint.StartsWith(Prefix, StringComparison.Ordinal))
        {
            foreach (var entry in checkpoint[Prefix.Length..].Split(',', StringSplitOptions.RemoveEmptyEntries))
            {
                var colon = entry.IndexOf(':', StringComparison.Ordinal);
                if (colon > 0)
                {
                    states[entry[..colon]] = entry[(colon + 1)..];
                }
            }
        }

        return new FileStates(states);
    }

    /// <summary>The state of <paramref name="file"/> on disk now, in this checkpoint's terms.</summary>
    public static string StateOf(string file)
    {
        var info = new FileInfo(file);
        return info.Exists
            ? string.Create(CultureInfo.InvariantCulture, $"{info.Length}:{info.LastWriteTimeUtc.Ticks}")
            : "gone";
    }

    public static string KeyOf(string file) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(file)).AsSpan(0, 8));

    /// <summary>True when <paramref name="file"/> was read in the state <paramref name="state"/>.</summary>
    public bool Holds(string file, string state) => _states.TryGetValue(KeyOf(file), out var read) && read == state;

    public void Set(string file, string state) => _states[KeyOf(file)] = state;

    /// <summary>Forgets the files that are no longer listed, so the checkpoint does not grow with removed files.</summary>
    public void KeepOnly(IEnumerable<string> files)
    {
        var keep = files.Select(KeyOf).ToHashSet(StringComparer.Ordinal);
        foreach (var key in _states.Keys.Where(k => !keep.Contains(k)).ToList())
        {
            _states.Remove(key);
        }
    }

    public override string ToString() =>
        Prefix + string.Join(',', _states.Select(static s => $"{s.Key}:{s.Value}"));
}
