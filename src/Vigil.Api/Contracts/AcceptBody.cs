namespace Vigil.Api.Contracts;

/// <summary>The body of <c>POST /accepted</c>: a kind, <c>Provider/EventId</c> or a template id.</summary>
public sealed record AcceptBody(string? Kind);
