namespace Vigil.Collectors.Evtx.BinXml;

/// <summary>One value of a template instance: its type and where its bytes are in the chunk.</summary>
internal readonly record struct SubstitutionValue(byte Type, int Offset, int Length);
