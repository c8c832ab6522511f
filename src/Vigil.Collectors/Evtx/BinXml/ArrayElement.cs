using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Vigil.Collectors.Evtx.BinXml;

/// <summary>Recognises elements filled by an array substitution and splits array values into their items.</summary>
internal static class ArrayElement
{
    /// <summary>
    /// Marks every element of <paramref name="nodes"/> from <paramref name="first"/> on that matches
    /// <see cref="TryMatch"/>: its <see cref="BinXmlNode.Index"/> becomes the index of its close-start node, so the
    /// renderer decides once per template, not once per rendered element.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Link(List<BinXmlNode> nodes, int first)
    {
        var span = CollectionsMarshal.AsSpan(nodes);
        for (var i = first; i < span.Length; i++)
        {
            if (span[i].Kind == BinXmlNodeKind.OpenElement && TryMatch(span, i, span.Length, out var closeStart))
            {
                span[i] = span[i] with { Index = closeStart };
            }
        }
    }

    /// <summary>
    /// True when the element opened at <paramref name="open"/> is [attributes], close-start, one substitution, end:
    /// <paramref name="closeStart"/> is then the index of its close-start node. Such an element is repeated per item of
    /// an array value, and left out when the substitution is optional and has no value.
    /// </summary>
    private static bool TryMatch(ReadOnlySpan<BinXmlNode> nodes, int open, int end, out int closeStart)
    {
        closeStart = open + 1;
        while (closeStart < end && nodes[closeStart].Kind is not (BinXmlNodeKind.CloseStartElement or BinXmlNodeKind.CloseEmptyElement
            or BinXmlNodeKind.OpenElement or BinXmlNodeKind.EndElement))
        {
            closeStart++;
        }

        if (closeStart + 2 >= end
            || nodes[closeStart].Kind != BinXmlNodeKind.CloseStartElement
            || nodes[closeStart + 1].Kind != BinXmlNodeKind.Substitution
            || nodes[closeStart + 2].Kind != BinXmlNodeKind.EndElement)
        {
            return false;
        }

        return true;
    }

    /// <summary>Takes the next item off <paramref name="remaining"/>: NUL-terminated strings, SIDs by their count, fixed sizes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryNextItem(byte itemType, ref ReadOnlySpan<byte> remaining, out ReadOnlySpan<byte> item)
    {
        item = default;
        if (remaining.IsEmpty)
        {
            return false;
        }

        int size;
        var next = -1;
        switch (itemType)
        {
            case BinXmlValueType.String:
                var chars = MemoryMarshal.Cast<byte, char>(remaining[..(remaining.Length & ~1)]);
                var nul = chars.IndexOf('\0');
                size = nul < 0 ? remaining.Length : nul * 2;
                next = nul < 0 ? remaining.Length : size + 2;
                break;
            case BinXmlValueType.Sid:
                size = remaining.Length >= 8 ? Math.Min(remaining.Length, 8 + (remaining[1] * 4)) : remaining.Length;
                break;
            default:
                var fixedSize = BinXmlValueType.FixedSize(itemType);
                size = fixedSize == 0 ? remaining.Length : Math.Min(fixedSize, remaining.Length);
                break;
        }

        item = remaining[..size];
        remaining = remaining[(next < 0 ? size : next)..];
        return true;
    }
}
