namespace Vigil.Api.Contracts;

/// <summary>The body of <c>POST /maintenance</c>: ISO 8601 times (UTC unless they carry an offset), an optional reason and, in a fleet, an optional host (none: every host).</summary>
public sealed record MaintenanceBody(string? From, string? To, string? Reason, string? Host = null);
