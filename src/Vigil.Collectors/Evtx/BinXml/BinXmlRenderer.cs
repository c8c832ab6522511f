using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Vigil.Collectors.Evtx.BinXml;

/// <summary>
/// Walks a record's binary XML, expanding template instances with their substitution values (which may themselves be
/// binary XML), and feeds the result to a sink. Nesting and the work per chunk (nodes visited, value bytes emitted) are
/// bounded, so hostile input cannot recurse forever or blow up exponentially through templates that reuse values:
/// a chunk's output is bounded whatever its bytes say. Real chunks stay far below the bounds.
/// </summary>
internal sealed class BinXmlRenderer
{
    public const int MaxNesting = 32;
    public const int MaxElementDepth = 512;
    private const int MaxNodesPerChunk = 1 << 20;
    private const int MaxValueBytesPerChunk = 4 << 20;

    private readonly List<BinXmlNode>[] _fragments = new List<BinXmlNode>[MaxNesting + 1];
    private readonly SubstitutionValue[][] _values = new SubstitutionValue[MaxNesting + 1][];
    private readonly BinXmlName[] _elements = new BinXmlName[MaxElementDepth];
    private int _depth;
    private int _nodes;
    private long _valueBytes;

    public BinXmlRenderer()
    {
        for (var i = 0; i <= MaxNesting; i++)
        {
            _fragments[i] = [];
            _values[i] = new SubstitutionValue[32];
        }
    }

    /// <summary>Starts the work budget of a new chunk.</summary>
    public void ResetBudget()
    {
        _nodes = 0;
        _valueBytes = 0;
    }

    public void Render(EvtxChunk chunk, int start, int length, IBinXmlSink sink)
    {
        _depth = 0;
        RenderFragment(chunk, start, length, sink, 0);
        if (_depth != 0)
        {
            throw new EvtxFormatException($"record ends inside element <{_elements[_depth - 1].Text}>", start + length);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void RenderFragment(EvtxChunk chunk, int start, int length, IBinXmlSink sink, int depth)
    {
        if (depth > MaxNesting)
        {
            throw new EvtxFormatException($"binary XML nested deeper than {MaxNesting} levels", start);
        }

        var nodes = _fragments[depth];
        nodes.Clear();
        chunk.Parser.Parse(chunk.Data, start, length, inTemplate: false, nodes);
        RenderNodes(chunk, nodes, 0, nodes.Count, [], sink, depth);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void RenderNodes(EvtxChunk chunk, List<BinXmlNode> nodes, int start, int end, ReadOnlySpan<SubstitutionValue> values, IBinXmlSink sink, int depth)
    {
        var data = chunk.Data.AsSpan();
        var all = CollectionsMarshal.AsSpan(nodes);
        var inAttribute = false;
        var skippingAttribute = false;
        for (var i = start; i < end; i++)
        {
            if (++_nodes > MaxNodesPerChunk)
            {
                throw new EvtxFormatException($"chunk expands to more than {MaxNodesPerChunk} nodes", 0);
            }

            ref readonly var node = ref all[i];
            if (node.Kind is BinXmlNodeKind.OpenElement or BinXmlNodeKind.Attribute or BinXmlNodeKind.CloseStartElement or BinXmlNodeKind.CloseEmptyElement)
            {
                if (inAttribute)
                {
                    sink.EndAttribute();
                    inAttribute = false;
                }

                skippingAttribute = false;
            }
            else if (skippingAttribute)
            {
                continue;
            }

            switch (node.Kind)
            {
                case BinXmlNodeKind.OpenElement:
                    if (node.Index != 0 && node.Index + 2 < end)
                    {
                        var closeStart = node.Index;
                        var substitution = all[closeStart + 1];
                        var value = substitution.Index < values.Length ? values[substitution.Index] : default;
                        if (value.Type == BinXmlValueType.Null && substitution.Optional)
                        {
                            i = closeStart + 2;
                            break;
                        }

                        if ((value.Type & BinXmlValueType.ArrayFlag) != 0)
                        {
                            RenderArrayElement(chunk, nodes, i, closeStart, values, sink, depth);
                            i = closeStart + 2;
                            break;
                        }
                    }

                    PushElement(node.Name!);
                    sink.StartElement(node.Name!);
                    break;
                case BinXmlNodeKind.Attribute:
                    skippingAttribute = IsAbsentValue(all, i + 1, values);
                    if (!skippingAttribute)
                    {
                        sink.StartAttribute(node.Name!);
                        inAttribute = true;
                    }

                    break;
                case BinXmlNodeKind.CloseStartElement:
                    sink.EndStartTag();
                    break;
                case BinXmlNodeKind.CloseEmptyElement:
                case BinXmlNodeKind.EndElement:
                    sink.EndElement(PopElement());
                    break;
                case BinXmlNodeKind.Value:
                    CountValueBytes(node.Length);
                    sink.Value(node.ValueType, data.Slice(node.Offset, node.Length));
                    break;
                case BinXmlNodeKind.CData:
                    sink.CData(ChunkBytes.Utf16(data, node.Offset, node.Length / 2));
                    break;
                case BinXmlNodeKind.CharRef:
                    sink.CharRef((ushort)node.Index);
                    break;
                case BinXmlNodeKind.EntityRef:
                    sink.EntityRef(node.Name!);
                    break;
                case BinXmlNodeKind.PITarget:
                    var hasData = i + 1 < all.Length && all[i + 1].Kind == BinXmlNodeKind.PIData;
                    var piData = hasData ? ChunkBytes.Utf16(data, all[i + 1].Offset, all[i + 1].Length / 2) : [];
                    sink.ProcessingInstruction(node.Name!, piData);
                    i += hasData ? 1 : 0;
                    break;
                case BinXmlNodeKind.Substitution:
                    RenderSubstitution(chunk, node.Index < values.Length ? values[node.Index] : default, sink, depth);
                    break;
                case BinXmlNodeKind.TemplateInstance:
                    RenderTemplate(chunk, node, sink, depth);
                    break;
            }
        }

        if (inAttribute)
        {
            sink.EndAttribute();
        }
    }

    /// <summary>An attribute whose whole value is a missing substitution is left out, as Windows renders it.</summary>
    private static bool IsAbsentValue(ReadOnlySpan<BinXmlNode> nodes, int next, ReadOnlySpan<SubstitutionValue> values)
    {
        if (next >= nodes.Length || nodes[next].Kind != BinXmlNodeKind.Substitution)
        {
            return false;
        }

        var index = nodes[next].Index;
        return index >= values.Length || values[index].Type == BinXmlValueType.Null;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void CountValueBytes(int length)
    {
        _valueBytes += length;
        if (_valueBytes > MaxValueBytesPerChunk)
        {
            throw new EvtxFormatException($"chunk expands to more than {MaxValueBytesPerChunk} bytes of values", 0);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void PushElement(BinXmlName name)
    {
        if (_depth >= MaxElementDepth)
        {
            throw new EvtxFormatException($"elements nested deeper than {MaxElementDepth}", 0);
        }

        _elements[_depth++] = name;
    }

    /// <summary>
    /// An element whose whole content is an array substitution is repeated once per item, attributes included, as
    /// Windows renders it; an empty array leaves the element out.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void RenderArrayElement(EvtxChunk chunk, List<BinXmlNode> nodes, int open, int closeStart, ReadOnlySpan<SubstitutionValue> values, IBinXmlSink sink, int depth)
    {
        var name = nodes[open].Name!;
        var value = values[nodes[closeStart + 1].Index];
        var itemType = (byte)(value.Type & ~BinXmlValueType.ArrayFlag);
        ReadOnlySpan<byte> remaining = chunk.Data.AsSpan(value.Offset, value.Length);
        while (ArrayElement.TryNextItem(itemType, ref remaining, out var item))
        {
            PushElement(name);
            sink.StartElement(name);
            RenderNodes(chunk, nodes, open + 1, closeStart, values, sink, depth);
            sink.EndStartTag();
            CountValueBytes(item.Length);
            sink.Value(itemType, item);
            sink.EndElement(PopElement());
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private BinXmlName PopElement()
    {
        if (_depth == 0)
        {
            throw new EvtxFormatException("end of element without a start", 0);
        }

        return _elements[--_depth];
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void RenderSubstitution(EvtxChunk chunk, SubstitutionValue value, IBinXmlSink sink, int depth)
    {
        switch (value.Type)
        {
            case BinXmlValueType.Null:
                break;
            case BinXmlValueType.BinXml:
                RenderFragment(chunk, value.Offset, value.Length, sink, depth + 1);
                break;
            default:
                CountValueBytes(value.Length);
                sink.Value(value.Type, chunk.Data.AsSpan(value.Offset, value.Length));
                break;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void RenderTemplate(EvtxChunk chunk, BinXmlNode instance, IBinXmlSink sink, int depth)
    {
        if (depth + 1 > MaxNesting)
        {
            throw new EvtxFormatException($"templates nested deeper than {MaxNesting} levels", instance.Offset);
        }

        // Descriptors: size (2), type (1), padding (1) each; the values follow the descriptor array back to back.
        var count = instance.Length;
        if (_values[depth + 1].Length < count)
        {
            _values[depth + 1] = new SubstitutionValue[Math.Max(count, _values[depth + 1].Length * 2)];
        }

        var values = _values[depth + 1];
        var data = chunk.Data.AsSpan();
        var offset = instance.Index + (count * 4);
        for (var i = 0; i < count; i++)
        {
            var size = ChunkBytes.U16(data, instance.Index + (i * 4));
            values[i] = new SubstitutionValue(ChunkBytes.U8(data, instance.Index + (i * 4) + 2), offset, size);
            offset += size;
        }

        var template = chunk.Templates.Get(data, instance.Offset, chunk.Parser);
        RenderNodes(chunk, template, 0, template.Count, values.AsSpan(0, count), sink, depth + 1);
    }
}
