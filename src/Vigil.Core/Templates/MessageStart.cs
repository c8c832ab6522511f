namespace Vigil.Core.Templates;

/// <summary>Where the message of a raw log line starts (past its timestamp and header); 0 for a line that is all message.</summary>
public delegate int MessageStart(ReadOnlySpan<char> line);
