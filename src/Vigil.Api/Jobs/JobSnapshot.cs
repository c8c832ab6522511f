namespace Vigil.Api.Jobs;

/// <summary>A job's progress at one moment; replaced whole so readers never see a half-updated state.</summary>
internal sealed record JobSnapshot(JobState State, string Step, double Fraction, DateTime StartedAt, DateTime? FinishedAt);
