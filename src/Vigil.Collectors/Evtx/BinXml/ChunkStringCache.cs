using System.Runtime.CompilerServices;

namespace Vigil.Collectors.Evtx.BinXml;

/// <summary>
/// Element and attribute names of one chunk by offset. Names repeat across chunks, so the strings themselves come
/// from a per-reader intern table: a chunk costs a dictionary of offsets, not new strings.
/// </summary>
internal sealed class ChunkStringCache
{
    private const int MaxInterned = 16384;

    private readonly Dictionary<int, BinXmlName> _byOffset = [];
    private readonly Dictionary<string, BinXmlName> _interned = new(StringComparer.Ordinal);

    public void Clear() => _byOffset.Clear();

    /// <summary>Reads the name structure at <paramref name="offset"/>: next offset, hash, length, UTF-16 text, NUL.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public BinXmlName Get(ReadOnlySpan<byte> chunk, int offset)
    {
        if (_byOffset.TryGetValue(offset, out var name))
        {
            return name;
        }

        var length = ChunkBytes.U16(chunk, offset + 6);
        var text = ChunkBytes.Utf16(chunk, offset + 8, length);
        var lookup = _interned.GetAlternateLookup<ReadOnlySpan<char>>();
        if (!lookup.TryGetValue(text, out name))
        {
            if (_interned.Count >= MaxInterned)
            {
                _interned.Clear();
            }

            name = new BinXmlName(new string(text));
            _interned.Add(name.Text, name);
        }

        _byOffset[offset] = name;
        return name;
    }

    /// <summary>The size of a name structure stored inline, so the parser can step over it.</summary>
    public static int InlineSize(ReadOnlySpan<byte> chunk, int offset) => 8 + (ChunkBytes.U16(chunk, offset + 6) * 2) + 2;
}
