namespace Vigil.Collectors.Evtx.BinXml;

/// <summary>Receives a rendered record as XML events, in document order, with typed values still in binary form.</summary>
internal interface IBinXmlSink
{
    void StartElement(BinXmlName name);

    void StartAttribute(BinXmlName name);

    void EndAttribute();

    /// <summary>The start tag is complete; content or <see cref="EndElement"/> follows.</summary>
    void EndStartTag();

    void EndElement(BinXmlName name);

    void Value(byte type, ReadOnlySpan<byte> data);

    void CharRef(ushort value);

    void EntityRef(BinXmlName name);

    void CData(ReadOnlySpan<char> text);

    void ProcessingInstruction(BinXmlName target, ReadOnlySpan<char> data);
}
