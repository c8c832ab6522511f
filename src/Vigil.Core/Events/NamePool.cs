using System.Text;

namespace Vigil.Core.Events;

/// <summary>
/// One string per distinct short name (host, program, logger, provider, channel, source) within one read or one
/// request: logs repeat a few dozen of them over millions of records, so a record costs its message and no more.
/// Bounded, so input of ever-new names only stops sharing.
/// </summary>
public sealed class NamePool
{
    private const int MaxEntries = 4096;
    private const int MaxChars = 128;

    private readonly HashSet<string> _names = new(StringComparer.Ordinal);
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public NamePool() => _lookup = _names.GetAlternateLookup<ReadOnlySpan<char>>();

    public string Get(ReadOnlySpan<char> name)
    {
        if (name.Length > MaxChars)
        {
            return name.ToString();
        }

        if (_lookup.TryGetValue(name, out var known))
        {
            return known;
        }

        var text = name.ToString();
        if (_names.Count < MaxEntries)
        {
            _names.Add(text);
        }

        return text;
    }

    /// <summary>The same for a UTF-8 name, decoded into a stack buffer rather than allocated when it is known.</summary>
    public string Get(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > MaxChars)
        {
            return Encoding.UTF8.GetString(utf8);
        }

        // Each UTF-8 byte decodes to at most one UTF-16 char (an invalid byte to one U+FFFD).
        Span<char> chars = stackalloc char[MaxChars];
        return Get(chars[..Encoding.UTF8.GetChars(utf8, chars)]);
    }
}
