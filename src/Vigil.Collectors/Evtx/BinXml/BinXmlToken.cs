namespace Vigil.Collectors.Evtx.BinXml;

/// <summary>Binary XML token bytes; 0x40 on a token means "more follows" (attributes, or more data).</summary>
internal static class BinXmlToken
{
    public const byte EndOfStream = 0x00;
    public const byte OpenStartElement = 0x01;
    public const byte CloseStartElement = 0x02;
    public const byte CloseEmptyElement = 0x03;
    public const byte EndElement = 0x04;
    public const byte Value = 0x05;
    public const byte Attribute = 0x06;
    public const byte CData = 0x07;
    public const byte CharRef = 0x08;
    public const byte EntityRef = 0x09;
    public const byte PITarget = 0x0a;
    public const byte PIData = 0x0b;
    public const byte TemplateInstance = 0x0c;
    public const byte NormalSubstitution = 0x0d;
    public const byte OptionalSubstitution = 0x0e;
    public const byte FragmentHeader = 0x0f;
    public const byte HasMoreFlag = 0x40;
}
