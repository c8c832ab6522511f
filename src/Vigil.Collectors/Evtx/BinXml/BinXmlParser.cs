using System.Runtime.CompilerServices;

namespace Vigil.Collectors.Evtx.BinXml;

/// <summary>
/// Turns a range of binary XML into nodes without rendering it. Offsets are chunk-relative, as in the format:
/// names and template definitions are referenced by their offset in the chunk, and stored inline the first time.
/// </summary>
internal sealed class BinXmlParser(ChunkStringCache names)
{
    /// <param name="inTemplate">
    /// Element tokens carry a 2-byte dependency identifier inside template definitions but not in a record's own
    /// fragment or in binary XML substitution values.
    /// </param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Parse(ReadOnlySpan<byte> chunk, int start, int length, bool inTemplate, List<BinXmlNode> nodes)
    {
        var first = nodes.Count;
        ParseTokens(chunk, start, length, inTemplate, nodes);
        ArrayElement.Link(nodes, first);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ParseTokens(ReadOnlySpan<byte> chunk, int start, int length, bool inTemplate, List<BinXmlNode> nodes)
    {
        ChunkBytes.Check(chunk, start, length);
        var end = start + length;
        var pos = start;
        while (pos < end)
        {
            var token = chunk[pos];
            switch (token & ~BinXmlToken.HasMoreFlag)
            {
                case BinXmlToken.EndOfStream:
                    return;
                case BinXmlToken.OpenStartElement:
                    // Token, [dependency id (2)], data size (4), name offset (4), [attribute list size (4)].
                    var elementName = ReadName(chunk, pos + (inTemplate ? 7 : 5), out pos);
                    if ((token & BinXmlToken.HasMoreFlag) != 0)
                    {
                        pos += 4;
                    }

                    nodes.Add(new BinXmlNode(BinXmlNodeKind.OpenElement, elementName, 0, 0, 0, 0, false));
                    break;
                case BinXmlToken.CloseStartElement:
                    nodes.Add(Simple(BinXmlNodeKind.CloseStartElement));
                    pos++;
                    break;
                case BinXmlToken.CloseEmptyElement:
                    nodes.Add(Simple(BinXmlNodeKind.CloseEmptyElement));
                    pos++;
                    break;
                case BinXmlToken.EndElement:
                    nodes.Add(Simple(BinXmlNodeKind.EndElement));
                    pos++;
                    break;
                case BinXmlToken.Value:
                    pos = ParseValue(chunk, pos, nodes);
                    break;
                case BinXmlToken.Attribute:
                    var attributeName = ReadName(chunk, pos + 1, out pos);
                    nodes.Add(new BinXmlNode(BinXmlNodeKind.Attribute, attributeName, 0, 0, 0, 0, false));
                    break;
                case BinXmlToken.CData:
                case BinXmlToken.PIData:
                    var chars = ChunkBytes.U16(chunk, pos + 1);
                    ChunkBytes.Check(chunk, pos + 3, chars * 2);
                    var kind = (token & ~BinXmlToken.HasMoreFlag) == BinXmlToken.CData ? BinXmlNodeKind.CData : BinXmlNodeKind.PIData;
                    nodes.Add(new BinXmlNode(kind, null, pos + 3, chars * 2, 0, 0, false));
                    pos += 3 + (chars * 2);
                    break;
                case BinXmlToken.CharRef:
                    nodes.Add(new BinXmlNode(BinXmlNodeKind.CharRef, null, 0, 0, ChunkBytes.U16(chunk, pos + 1), 0, false));
                    pos += 3;
                    break;
                case BinXmlToken.EntityRef:
                    nodes.Add(new BinXmlNode(BinXmlNodeKind.EntityRef, ReadName(chunk, pos + 1, out pos), 0, 0, 0, 0, false));
                    break;
                case BinXmlToken.PITarget:
                    nodes.Add(new BinXmlNode(BinXmlNodeKind.PITarget, ReadName(chunk, pos + 1, out pos), 0, 0, 0, 0, false));
                    break;
                case BinXmlToken.TemplateInstance:
                    pos = ParseTemplateInstance(chunk, pos, nodes);
                    break;
                case BinXmlToken.NormalSubstitution:
                case BinXmlToken.OptionalSubstitution:
                    var optional = token == BinXmlToken.OptionalSubstitution;
                    nodes.Add(new BinXmlNode(BinXmlNodeKind.Substitution, null, 0, 0, ChunkBytes.U16(chunk, pos + 1), ChunkBytes.U8(chunk, pos + 3), optional));
                    pos += 4;
                    break;
                case BinXmlToken.FragmentHeader:
                    pos += 4;
                    break;
                default:
                    throw new EvtxFormatException($"unknown binary XML token 0x{token:x2}", pos);
            }
        }
    }

    private static BinXmlNode Simple(BinXmlNodeKind kind) => new(kind, null, 0, 0, 0, 0, false);

    /// <summary>Reads a name reference at <paramref name="at"/>; a name stored right there is stepped over.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private BinXmlName ReadName(ReadOnlySpan<byte> chunk, int at, out int next)
    {
        var offset = ChunkBytes.Offset(chunk, at);
        next = at + 4;
        var name = names.Get(chunk, offset);
        if (offset == next)
        {
            next += ChunkStringCache.InlineSize(chunk, offset);
        }

        return name;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int ParseValue(ReadOnlySpan<byte> chunk, int pos, List<BinXmlNode> nodes)
    {
        var type = ChunkBytes.U8(chunk, pos + 1);
        int size;
        int dataStart;
        if (type is BinXmlValueType.String)
        {
            size = ChunkBytes.U16(chunk, pos + 2) * 2;
            dataStart = pos + 4;
        }
        else
        {
            size = BinXmlValueType.FixedSize(type);
            dataStart = pos + 2;
            if (size == 0)
            {
                throw new EvtxFormatException($"value token of unsupported type 0x{type:x2}", pos);
            }
        }

        ChunkBytes.Check(chunk, dataStart, size);
        nodes.Add(new BinXmlNode(BinXmlNodeKind.Value, null, dataStart, size, 0, type, false));
        return dataStart + size;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int ParseTemplateInstance(ReadOnlySpan<byte> chunk, int pos, List<BinXmlNode> nodes)
    {
        // Token, unknown (1), template id (4), definition offset (4); the definition may follow inline.
        var definition = ChunkBytes.Offset(chunk, pos + 6);
        pos += 10;
        if (definition == pos)
        {
            pos += ChunkTemplateCache.DefinitionSize(chunk, definition);
        }

        var count = (int)Math.Min(ChunkBytes.U32(chunk, pos), int.MaxValue / 8);
        var descriptors = pos + 4;
        ChunkBytes.Check(chunk, descriptors, count * 4L);
        var dataSize = 0;
        for (var i = 0; i < count; i++)
        {
            dataSize += ChunkBytes.U16(chunk, descriptors + (i * 4));
        }

        var valuesEnd = descriptors + (count * 4) + dataSize;
        ChunkBytes.Check(chunk, descriptors, valuesEnd - descriptors);
        nodes.Add(new BinXmlNode(BinXmlNodeKind.TemplateInstance, null, definition, count, descriptors, 0, false));
        return valuesEnd;
    }
}
