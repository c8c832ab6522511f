namespace Vigil.Api.Contracts;

/// <summary>
/// The body of <c>POST /feedback</c>: the hour a page was a false alarm for (<c>YYYY-MM-DD HH:00:00</c>, as verdicts show
/// it), an optional note, and in a fleet the optional host whose page it was (none: every host).
/// </summary>
public sealed record FeedbackBody(string? Hour, string? Note, string? Host = null);
