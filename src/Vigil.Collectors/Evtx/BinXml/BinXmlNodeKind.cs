namespace Vigil.Collectors.Evtx.BinXml;

internal enum BinXmlNodeKind : byte
{
    OpenElement,
    Attribute,
    CloseStartElement,
    CloseEmptyElement,
    EndElement,
    Value,
    CData,
    CharRef,
    EntityRef,
    PITarget,
    PIData,
    Substitution,
    TemplateInstance,
}
