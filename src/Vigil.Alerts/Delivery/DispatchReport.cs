namespace Vigil.Alerts.Delivery;

/// <summary>What one delivery round did; <see cref="Errors"/> holds one secret-free line per entry that did not go out.</summary>
public sealed record DispatchReport(int Sent, int Retrying, int Failed, IReadOnlyList<string> Errors);
