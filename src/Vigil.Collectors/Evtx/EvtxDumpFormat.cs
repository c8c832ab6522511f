namespace Vigil.Collectors.Evtx;

/// <summary>How <see cref="EvtxDumper"/> writes records.</summary>
public enum EvtxDumpFormat
{
    /// <summary>Each record as indented XML, as Windows and evtxexport render it, separated by a blank line.</summary>
    Xml,

    /// <summary>One JSON object per line with the System fields flattened and EventData/UserData as named fields.</summary>
    Jsonl,
}
