namespace Vigil.Collectors.Evtx.Output;

/// <summary>One EventData/UserData value: its name and where its UTF-8 text is in <see cref="EvtxEventFields.Values"/>.</summary>
internal readonly record struct EvtxDataField(string Name, int Start, int Length);
