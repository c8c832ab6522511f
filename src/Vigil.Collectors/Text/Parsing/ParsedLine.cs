namespace Vigil.Collectors.Text.Parsing;

/// <summary>The head of a record: what a line that starts a record says. Host and provider are null when the format has none.</summary>
internal readonly record struct ParsedLine(DateTime TimeUtc, int Level, string? Provider, string? Host, string Message);
