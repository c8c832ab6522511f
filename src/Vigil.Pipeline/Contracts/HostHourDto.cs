using System.Text.Json.Serialization;
using Vigil.Core.Detection;
using Vigil.Pipeline.Fleet;

namespace Vigil.Pipeline.Contracts;

/// <summary>One scored hour of a host scope (<c>detect --host/--all-hosts --json</c>): <see cref="HourDto"/> with the host and source it is about.</summary>
public sealed record HostHourDto : HourDto
{
    public HostHourDto(HostScope scope, HourDetection hour)
        : base(From(hour))
    {
        Host = scope.Host;
        Source = scope.Source;
    }

    [JsonPropertyName("host")]
    [JsonPropertyOrder(-2)]
    public string Host { get; }

    [JsonPropertyName("source")]
    [JsonPropertyOrder(-1)]
    public string Source { get; }
}
