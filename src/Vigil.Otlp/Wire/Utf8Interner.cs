using System.Text;

namespace Vigil.Otlp.Wire;

/// <summary>
/// One string per distinct short UTF-8 value within a request: a fleet's records repeat their provider, channel,
/// computer and source names, so each is decoded into a stack buffer and looked up instead of allocated per record.
/// </summary>
internal sealed class Utf8Interner
{
    private const int MaxInternedBytes = 128;

    private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public Utf8Interner() => _lookup = _strings.GetAlternateLookup<ReadOnlySpan<char>>();

    public string Get(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > MaxInternedBytes)
        {
            return Encoding.UTF8.GetString(utf8);
        }

        // Each UTF-8 byte decodes to at most one UTF-16 char (an invalid byte to one U+FFFD).
        Span<char> chars = stackalloc char[MaxInternedBytes];
        var text = chars[..Encoding.UTF8.GetChars(utf8, chars)];
        if (_lookup.TryGetValue(text, out var known))
        {
            return known;
        }

        var created = new string(text);
        _strings.Add(created, created);
        return created;
    }
}
