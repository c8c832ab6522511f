using Spectre.Console;
using Vigil.Cli.Commands.Shared;
using Vigil.Pipeline;

namespace Vigil.Cli.Output;

/// <summary>Shows a progress bar per step on stderr when it is a terminal; otherwise one line per step.</summary>
internal static class ProgressView
{
    public static async Task<T> RunAsync<T>(bool quiet, Func<IProgress<PipelineProgress>?, Task<T>> work)
    {
        if (quiet)
        {
            return await work(null).ConfigureAwait(false);
        }

        if (Console.IsErrorRedirected)
        {
            var announced = new HashSet<string>();
            return await work(new LineProgress(announced)).ConfigureAwait(false);
        }

        return await CommandRunner.ErrorConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var tasks = new Dictionary<string, ProgressTask>();
                var progress = new BarProgress(context, tasks);
                var result = await work(progress).ConfigureAwait(false);
                foreach (var task in tasks.Values)
                {
                    task.Value = task.MaxValue;
                }

                return result;
            }).ConfigureAwait(false);
    }

    private sealed class BarProgress(ProgressContext context, Dictionary<string, ProgressTask> tasks) : IProgress<PipelineProgress>
    {
        public void Report(PipelineProgress value)
        {
            if (!tasks.TryGetValue(value.Step, out var task))
            {
                task = context.AddTask(value.Step, maxValue: 1.0);
                tasks[value.Step] = task;
            }

            task.Value = Math.Clamp(value.Fraction, 0, 1);
        }
    }

    private sealed class LineProgress(HashSet<string> announced) : IProgress<PipelineProgress>
    {
        public void Report(PipelineProgress value)
        {
            if (announced.Add(value.Step))
            {
                Console.Error.WriteLine($"{value.Step}...");
            }
        }
    }
}
