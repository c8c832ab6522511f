using System.Runtime.CompilerServices;
using System.Text;
using Vigil.Collectors.Evtx.BinXml;

namespace Vigil.Collectors.Evtx.Output;

/// <summary>
/// Writes records as indented XML like evtxexport and the Windows event viewer: one element per line, text inline,
/// empty elements self-closed.
/// </summary>
internal sealed class XmlRecordSink(StringBuilder output) : IBinXmlSink
{
    private readonly List<bool> _hasChildren = [];
    private bool _startTagOpen;
    private bool _hasText;
    private bool _inAttribute;

    public StringBuilder Output { get; } = output;

    public void Reset()
    {
        _hasChildren.Clear();
        _startTagOpen = false;
        _hasText = false;
        _inAttribute = false;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void StartElement(string name)
    {
        if (_startTagOpen)
        {
            Output.Append(">\n");
            _startTagOpen = false;
        }
        else if (_hasText)
        {
            Output.Append('\n');
        }

        if (_hasChildren.Count > 0)
        {
            _hasChildren[^1] = true;
        }

        Output.Append(' ', _hasChildren.Count * 2).Append('<').Append(name);
        _hasChildren.Add(false);
        _startTagOpen = true;
        _hasText = false;
    }

    public void StartAttribute(string name)
    {
        Output.Append(' ').Append(name).Append("=\"");
        _inAttribute = true;
    }

    public void EndAttribute()
    {
        Output.Append('"');
        _inAttribute = false;
    }

    public void EndStartTag()
    {
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void EndElement(string name)
    {
        var hadChildren = _hasChildren.Count > 0 && _hasChildren[^1];
        if (_hasChildren.Count > 0)
        {
            _hasChildren.RemoveAt(_hasChildren.Count - 1);
        }

        if (_startTagOpen)
        {
            Output.Append("/>\n");
        }
        else
        {
            if (hadChildren && !_hasText)
            {
                Output.Append(' ', _hasChildren.Count * 2);
            }

            Output.Append("</").Append(name).Append(">\n");
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

    public void CharRef(ushort value)
    {
        OpenContent();
        Output.Append("&#").Append(value).Append(';');
    }

    public void EntityRef(string name)
    {
        OpenContent();
        Output.Append('&').Append(name).Append(';');
    }

    public void CData(ReadOnlySpan<char> text)
    {
        OpenContent();
        Output.Append("<![CDATA[").Append(text).Append("]]>");
    }

    public void ProcessingInstruction(string target, ReadOnlySpan<char> data)
    {
        OpenContent();
        Output.Append("<?").Append(target).Append(' ').Append(data).Append("?>");
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
            Output.Append('>');
            _startTagOpen = false;
        }

        _hasText = true;
    }
}
