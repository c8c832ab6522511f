namespace Vigil.Api.Contracts;

/// <summary>The body of <c>POST /maintenance</c>: ISO 8601 times (UTC unless they carry an offset) and an optional reason.</summary>
public sealed record MaintenanceBody(string? From, string? To, string? Reason);
