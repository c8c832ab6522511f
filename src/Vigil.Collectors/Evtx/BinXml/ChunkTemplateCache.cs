using System.Runtime.CompilerServices;

namespace Vigil.Collectors.Evtx.BinXml;

/// <summary>
/// Parsed template definitions of one chunk, by the offset of their definition. Records of a chunk share a handful of
/// templates, so each is parsed once and rendered many times. The node lists are kept from chunk to chunk and reused
/// (new lists for every chunk were most of a dump's allocations: 33 MB and 16 collections per 64 MB file).
/// </summary>
internal sealed class ChunkTemplateCache
{
    private const int DefinitionHeaderSize = 24;

    private readonly Dictionary<int, List<BinXmlNode>> _templates = [];
    private readonly List<List<BinXmlNode>> _lists = [];
    private int _used;

    public void Clear()
    {
        _templates.Clear();
        _used = 0;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public List<BinXmlNode> Get(ReadOnlySpan<byte> chunk, int definitionOffset, BinXmlParser parser)
    {
        if (_templates.TryGetValue(definitionOffset, out var nodes))
        {
            return nodes;
        }

        // Definition: next template offset (4), GUID (16), data size (4), then the template's binary XML.
        var size = (int)Math.Min(ChunkBytes.U32(chunk, definitionOffset + 20), int.MaxValue);
        var start = definitionOffset + DefinitionHeaderSize;
        ChunkBytes.Check(chunk, start, size);
        nodes = NextList();
        parser.Parse(chunk, start, size, inTemplate: true, nodes);
        _templates[definitionOffset] = nodes;
        return nodes;
    }

    private List<BinXmlNode> NextList()
    {
        if (_used == _lists.Count)
        {
            _lists.Add([]);
        }

        var list = _lists[_used++];
        list.Clear();
        return list;
    }

    public static int DefinitionSize(ReadOnlySpan<byte> chunk, int definitionOffset) =>
        DefinitionHeaderSize + (int)Math.Min(ChunkBytes.U32(chunk, definitionOffset + 20), int.MaxValue / 2);
}
