using System.Text.Json.Serialization;

namespace Vigil.Api.Contracts;

/// <summary>One hour of <c>GET /hours?host=</c>: <see cref="StoredHourDto"/> of one of the host's sources.</summary>
public sealed record HostStoredHourDto : StoredHourDto
{
    public HostStoredHourDto(string host, string source, StoredHourDto hour)
        : base(hour)
    {
        Host = host;
        Source = source;
    }

    [JsonPropertyOrder(-2)]
    public string Host { get; }

    [JsonPropertyOrder(-1)]
    public string Source { get; }
}
