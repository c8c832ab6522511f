namespace Vigil.Storage.Operator;

/// <summary>An hour the operator called a false alarm (<c>vigil feedback</c>): it joins the baseline at the next training.</summary>
public sealed record FalseAlarm(DateTime Hour, string? Note, DateTime AddedAt);
