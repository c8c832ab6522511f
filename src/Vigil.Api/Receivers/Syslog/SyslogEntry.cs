using Vigil.Core.Events;

namespace Vigil.Api.Receivers.Syslog;

/// <summary>One received syslog message as Vigil stores it; <see cref="Event"/>'s record key is completed by <see cref="OccurrenceKeys"/>.</summary>
internal sealed record SyslogEntry(string StoredSource, LogEvent Event);
