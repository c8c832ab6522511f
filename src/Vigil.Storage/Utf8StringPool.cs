using System.Text;

namespace Vigil.Storage;

/// <summary>
/// Turns the few distinct providers, channels and computers of a read back into one string each instead of one per
/// row: a read of millions of events then allocates their messages and little else.
/// </summary>
internal sealed class Utf8StringPool
{
    private const int MaxEntries = 4096;
    private const int MaxChars = 256;

    private readonly HashSet<string> _strings = new(StringComparer.Ordinal);
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly char[] _chars = new char[MaxChars];

    public Utf8StringPool() => _lookup = _strings.GetAlternateLookup<ReadOnlySpan<char>>();

    public string Get(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > MaxChars)
        {
            return Encoding.UTF8.GetString(utf8);
        }

        // UTF-8 never takes fewer bytes than UTF-16 chars, so the buffer always holds the decoded text.
        var chars = _chars.AsSpan(0, Encoding.UTF8.GetChars(utf8, _chars));
        if (_lookup.TryGetValue(chars, out var known))
        {
            return known;
        }

        var text = new string(chars);
        if (_strings.Count < MaxEntries)
        {
            _strings.Add(text);
        }

        return text;
    }
}
