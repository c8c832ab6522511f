namespace Vigil.Collectors.Evtx.BinXml;

/// <summary>An element, attribute or entity name, with its UTF-8 bytes encoded once for the writers.</summary>
internal sealed class BinXmlName(string text)
{
    public string Text { get; } = text;

    public byte[] Utf8 { get; } = System.Text.Encoding.UTF8.GetBytes(text);

    public override string ToString() => Text;
}
