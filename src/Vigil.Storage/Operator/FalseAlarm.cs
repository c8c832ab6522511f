namespace Vigil.Storage.Operator;

/// <summary>
/// An hour the operator called a false alarm (<c>vigil feedback</c>): it joins the baseline at the next training of
/// <paramref name="Host"/>'s scopes, or of every scope when it names no host (a single-host Vigil, or the whole fleet).
/// </summary>
public sealed record FalseAlarm(DateTime Hour, string? Note, DateTime AddedAt, string? Host = null);
