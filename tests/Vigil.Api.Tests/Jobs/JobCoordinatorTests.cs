using Microsoft.Extensions.Logging;
using Vigil.Api.Jobs;
using Vigil.Api.Tests.Support;
using Vigil.Pipeline;

namespace Vigil.Api.Tests.Jobs;

/// <summary>A failed job answers "see the server log"; the server log must then hold what happened.</summary>
public sealed class JobCoordinatorTests
{
    [Fact]
    public async Task AJobThatFailsWithABugLogsTheWholeException()
    {
        var log = new CollectingLogger();
        var jobs = new JobCoordinator(TimeProvider.System, CancellationToken.None, log);

        Assert.True(jobs.TryStart("detect", (_, _) => Fail(new InvalidOperationException("the index is inconsistent")), out var job));
        await job.Completion;

        var entry = Assert.Single(log.Entries);
        Assert.Equal(LogLevel.Error, entry.Level);
        Assert.IsType<InvalidOperationException>(entry.Exception);
        Assert.Contains(job.Id, entry.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AJobThatFailsWithAnOperatorErrorLogsItsOneLine()
    {
        var log = new CollectingLogger();
        var jobs = new JobCoordinator(TimeProvider.System, CancellationToken.None, log);

        Assert.True(jobs.TryStart("detect", (_, _) => Fail(new NoModelException()), out var job));
        await job.Completion;

        var entry = Assert.Single(log.Entries);
        Assert.Equal(LogLevel.Warning, entry.Level);
        Assert.Contains("There are no model files", entry.Message, StringComparison.Ordinal);
    }

    private static async Task<object?> Fail(Exception failure)
    {
        await Task.Yield();
        throw failure;
    }
}
