namespace Vigil.Alerts.Delivery;

/// <summary>The outcome of <c>vigil alert test</c> for one channel; <see cref="Error"/> is secret-free.</summary>
public sealed record ChannelTestResult(string Channel, bool Delivered, string? Error);
