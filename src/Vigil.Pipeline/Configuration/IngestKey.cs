namespace Vigil.Pipeline.Configuration;

/// <summary>
/// One <c>[ingest] keys</c> entry: a secret that lets a sender push logs, optionally bound to one host so a compromised
/// host cannot write another host's data. Never printed.
/// </summary>
/// <param name="Value">The key itself.</param>
/// <param name="BoundHost">The normalised host name after <c>@</c>, or null for a key that may write any host.</param>
public sealed record IngestKey(string Value, string? BoundHost)
{
    public override string ToString() => $"IngestKey {{ BoundHost = {BoundHost ?? "(any)"} }}";
}
