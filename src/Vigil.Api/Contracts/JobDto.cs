using Vigil.Api.Errors;
using Vigil.Api.Jobs;

namespace Vigil.Api.Contracts;

/// <summary><c>GET /jobs/{id}</c>: a background setup or detect run, its progress and, once ended, its result or error.</summary>
public sealed record JobDto(string Id, string Kind, string State, string Step, double Fraction, DateTime StartedAt, DateTime? FinishedAt, string? Error, object? Result)
{
    internal static JobDto From(Job job)
    {
        var s = job.Snapshot;
        var error = job.Failure is null ? null : ApiProblems.For(job.Failure).ProblemDetails.Detail;
        return new JobDto(job.Id, job.Kind, s.State.ToString().ToLowerInvariant(), s.Step, s.Fraction, s.StartedAt, s.FinishedAt, error, ResultOf(job));
    }

    private static object? ResultOf(Job job) => job.Result switch
    {
        Vigil.Pipeline.SetupResult setup => SetupDto.From(setup),
        Vigil.Pipeline.DetectReport report => report.Hours.Select(Vigil.Pipeline.Contracts.HourDto.From).ToList(),
        _ => null,
    };
}
