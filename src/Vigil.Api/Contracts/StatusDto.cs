namespace Vigil.Api.Contracts;

/// <summary><c>GET /status</c>: the seed's model status (exists, trained when, on which range, from which source) plus Vigil's run state.</summary>
public sealed record StatusDto(
    bool ModelExists,
    string? ModelProblem,
    string? ModelKind,
    DateTime? TrainedAt,
    DateTime? TrainingFrom,
    DateTime? TrainingTo,
    int? TrainingHours,
    string? Source,
    string ConfiguredSource,
    bool ApiKeyRequired,
    bool SchedulerEnabled,
    int ScheduleMinute,
    DateTime? NextScheduledRun,
    string? RunningJobId,
    RunDto? LastRun);
