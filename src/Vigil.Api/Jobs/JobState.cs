namespace Vigil.Api.Jobs;

internal enum JobState
{
    Running,
    Succeeded,
    Failed,
}
