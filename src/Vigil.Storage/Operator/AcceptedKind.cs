namespace Vigil.Storage.Operator;

/// <summary>A kind the operator accepted as normal (<c>Provider/EventId</c> or a template id), and when.</summary>
public sealed record AcceptedKind(string Kind, DateTime AcceptedAt);
