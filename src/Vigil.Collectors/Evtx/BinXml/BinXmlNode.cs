namespace Vigil.Collectors.Evtx.BinXml;

/// <summary>
/// One parsed token. Names are resolved once; data stays in the chunk, addressed by <see cref="Offset"/> and <see cref="Length"/>.
/// OpenElement: <see cref="Index"/> is the index of its close-start node when the element is filled by one
/// substitution alone (see <see cref="ArrayElement"/>), else 0.
/// Substitution: <see cref="Index"/> is the substitution id, <see cref="ValueType"/> its declared type.
/// TemplateInstance: <see cref="Offset"/> is the template definition, <see cref="Length"/> the substitution count and
/// <see cref="Index"/> the offset of the substitution descriptors.
/// </summary>
internal readonly record struct BinXmlNode(
    BinXmlNodeKind Kind,
    BinXmlName? Name,
    int Offset,
    int Length,
    int Index,
    byte ValueType,
    bool Optional);
