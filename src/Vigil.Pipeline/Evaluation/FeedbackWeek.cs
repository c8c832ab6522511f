namespace Vigil.Pipeline.Evaluation;

/// <summary>One week (Monday 00:00 UTC on) of pages as the operator judged them: hours that paged, hours called false alarms.</summary>
public sealed record FeedbackWeek(DateTime WeekStart, int Flagged, int FalseAlarms)
{
    /// <summary>The share of paged hours the operator did not call false alarms; null for a week that paged nothing.</summary>
    public double? Precision => Flagged == 0 ? null : (Flagged - FalseAlarms) / (double)Flagged;
}
