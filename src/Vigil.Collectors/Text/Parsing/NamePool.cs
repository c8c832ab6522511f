namespace Vigil.Collectors.Text.Parsing;

/// <summary>
/// One string per distinct host, program or logger name of a read: a file repeats a few dozen of them over millions of
/// lines, so a record head costs its message and no more. Bounded, so a file of ever-new names only stops sharing.
/// </summary>
internal sealed class NamePool
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
}
