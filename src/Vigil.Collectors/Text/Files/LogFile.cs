namespace Vigil.Collectors.Text.Files;

/// <summary>A file to read: a live log, or one of its rotated siblings (<c>syslog.1</c>, <c>syslog.2.gz</c>, <c>app.log-20240102</c>).</summary>
/// <param name="Channel">The live file's name, shared by its rotated siblings so rotation does not split a channel.</param>
internal sealed record LogFile(string Path, string Channel, bool IsRotated, bool IsCompressed);
