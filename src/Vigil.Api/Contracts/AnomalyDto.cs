using System.Text.Json.Serialization;
using Vigil.Pipeline.Contracts;
using Vigil.Storage;

namespace Vigil.Api.Contracts;

/// <summary>
/// One flagged hour of <c>GET /anomalies</c> as its verdict was stored: the hour as <c>detect</c> shows it
/// (<see cref="HourDto"/>), and the audit trail — the model that decided (<c>model_id</c>, a content hash), its
/// <c>score</c> (= <c>anomaly_score</c>) and <c>threshold</c>, the run, and whether it is still the hour's
/// <c>current</c> verdict (a later model may have scored the hour again; the older verdict stays, so "why did this
/// page" has its answer after a retrain).
/// </summary>
public sealed record AnomalyDto : HourDto
{
    private AnomalyDto(HourDto hour, StoredVerdict verdict, bool current)
        : base(hour)
    {
        Score = hour.AnomalyScore;
        Threshold = verdict.Hour.Threshold;
        ModelId = verdict.ModelId;
        RunId = verdict.RunId;
        Current = current;
    }

    [JsonPropertyName("score")]
    public double Score { get; }

    [JsonPropertyName("threshold")]
    public double? Threshold { get; }

    [JsonPropertyName("model_id")]
    public string ModelId { get; }

    [JsonPropertyName("run_id")]
    public long RunId { get; }

    [JsonPropertyName("current")]
    public bool Current { get; }

    public static AnomalyDto From(StoredVerdict verdict, bool current) => new(HourDto.From(verdict.Hour), verdict, current);
}
