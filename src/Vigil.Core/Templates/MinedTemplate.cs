namespace Vigil.Core.Templates;

/// <summary>A template as reported: its text with <c>&lt;*&gt;</c> for variables and how often it was seen.</summary>
/// <param name="FirstSeen">Position (line number or time, as given to the miner) of the first message.</param>
/// <param name="LastSeen">Position of the latest message.</param>
public sealed record MinedTemplate(int Id, string Text, long Count, long FirstSeen, long LastSeen);
