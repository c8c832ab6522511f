using Vigil.Core.Events;

namespace Vigil.Collectors.Text;

/// <summary>A record read from a file, and where reading resumes once it is stored.</summary>
internal readonly record struct ReadRecord(LogEvent Event, long NextOffset, long NextLine);
