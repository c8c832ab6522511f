namespace Vigil.Alerts.Tests.Support;

public sealed record ReceivedRequest(string PathAndQuery, IReadOnlyDictionary<string, string> Headers, string Body, DateTime ReceivedAt);
