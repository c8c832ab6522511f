using System.Runtime.CompilerServices;
using Vigil.Collectors.Evtx.BinXml;

namespace Vigil.Collectors.Evtx.Output;

/// <summary>
/// Writes records as indented XML like evtxexport and the Windows event viewer: one element per line, text inline,
/// empty elements self-closed. Markup and values go straight into a UTF-8 buffer: names are encoded once per chunk
/// file, values are formatted in place.
/// </summary>
internal sealed class XmlRecordSink(Utf8Buffer output) : IBinXmlSink
{
    // Depth is bounded by the renderer (it refuses deeper nesting before the sink sees it).
    private readonly bool[] _hasChildren = new bool[BinXmlRenderer.MaxElementDepth + 1];
    private int _open;
    private bool _startTagOpen;
    private bool _hasText;
    private bool _inAttribute;

    public Utf8Buffer Output { get; } = output;

    public void Reset()
    {
        _open = 0;
        _startTagOpen = false;
        _hasText = false;
        _inAttribute = false;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void StartElement(BinXmlName name)
    {
        if (_startTagOpen)
        {
            Output.Write(">\n"u8);
            _startTagOpen = false;
        }
        else if (_hasText)
        {
            Output.Write((byte)'\n');
        }

        if (_open > 0)
        {
            _hasChildren[_open - 1] = true;
        }

        Output.Write((byte)' ', _open * 2);
        Output.Write((byte)'<');
        Output.Write(name.Utf8);
        _hasChildren[_open++] = false;
        _startTagOpen = true;
        _hasText = false;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void StartAttribute(BinXmlName name)
    {
        Output.Write((byte)' ');
        Output.Write(name.Utf8);
        Output.Write("=\""u8);
        _inAttribute = true;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void EndAttribute()
    {
        Output.Write((byte)'"');
        _inAttribute = false;
    }

    public void EndStartTag()
    {
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void EndElement(BinXmlName name)
    {
        var hadChildren = _open > 0 && _hasChildren[_open - 1];
        if (_open > 0)
        {
            _open--;
        }

        if (_startTagOpen)
        {
            Output.Write("/>\n"u8);
        }
        else
        {
            if (hadChildren && !_hasText)
            {
                Output.Write((byte)' ', _open * 2);
            }

            Output.Write("</"u8);
            Output.Write(name.Utf8);
            Output.Write(">\n"u8);
        }

        _startTagOpen = false;
        _hasText = false;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Value(byte type, ReadOnlySpan<byte> data)
    {
        OpenContent();
        BinXmlValueFormatter.Append(Output, type, data, xmlEscape: true);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void CharRef(ushort value)
    {
        OpenContent();
        Output.Write("&#"u8);
        BinXmlValueFormatter.AppendNumber(Output, value);
        Output.Write((byte)';');
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void EntityRef(BinXmlName name)
    {
        OpenContent();
        Output.Write((byte)'&');
        Output.Write(name.Utf8);
        Output.Write((byte)';');
    }

    public void CData(ReadOnlySpan<char> text)
    {
        OpenContent();
        Output.Write("<![CDATA["u8);
        BinXmlValueFormatter.AppendText(Output, text, xmlEscape: false);
        Output.Write("]]>"u8);
    }

    public void ProcessingInstruction(BinXmlName target, ReadOnlySpan<char> data)
    {
        OpenContent();
        Output.Write("<?"u8);
        Output.Write(target.Utf8);
        Output.Write((byte)' ');
        BinXmlValueFormatter.AppendText(Output, data, xmlEscape: false);
        Output.Write("?>"u8);
    }

    /// <summary>Closes a pending start tag before content; attribute values are written in place.</summary>
    private void OpenContent()
    {
        if (_inAttribute)
        {
            return;
        }

        if (_startTagOpen)
        {
            Output.Write((byte)'>');
            _startTagOpen = false;
        }

        _hasText = true;
    }
}
