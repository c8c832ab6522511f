namespace Vigil.Api.Contracts;

/// <summary>The body of <c>POST /incidents/{id}/ack</c>: an optional note for whoever reads the incident later.</summary>
public sealed record AcknowledgeBody(string? Note);
