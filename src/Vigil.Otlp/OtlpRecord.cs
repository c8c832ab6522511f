using Vigil.Core.Events;

namespace Vigil.Otlp;

/// <summary>One accepted OTLP log record as Vigil stores it.</summary>
/// <param name="Host">The normalised host name the record came from.</param>
/// <param name="StoredSource">Where it is stored: <c>host:NAME/SOURCE</c> (<see cref="HostSource.Compose"/>).</param>
/// <param name="Event">The event, with a record key that a resend of the same record reproduces.</param>
public sealed record OtlpRecord(string Host, string StoredSource, LogEvent Event);
