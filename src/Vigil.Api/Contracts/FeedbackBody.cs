namespace Vigil.Api.Contracts;

/// <summary>The body of <c>POST /feedback</c>: the hour a page was a false alarm for (<c>YYYY-MM-DD HH:00:00</c>, as verdicts show it) and an optional note.</summary>
public sealed record FeedbackBody(string? Hour, string? Note);
