namespace Vigil.Collectors.Evtx.BinXml;

/// <summary>
/// Parsed template definitions of one chunk, by the offset of their definition. Records of a chunk share a handful of
/// templates, so each is parsed once and rendered many times.
/// </summary>
internal sealed class ChunkTemplateCache
{
    private const int DefinitionHeaderSize = 24;

    private readonly Dictionary<int, List<BinXmlNode>> _templates = [];

    public void Clear() => _templates.Clear();

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
        nodes = [];
        parser.Parse(chunk, start, size, inTemplate: true, nodes);
        _templates[definitionOffset] = nodes;
        return nodes;
    }

    public static int DefinitionSize(ReadOnlySpan<byte> chunk, int definitionOffset) =>
        DefinitionHeaderSize + (int)Math.Min(ChunkBytes.U32(chunk, definitionOffset + 20), int.MaxValue / 2);
}
