using System.Runtime.CompilerServices;
using Vigil.Core.Events;

namespace Vigil.Collectors.Demo;

/// <summary><c>demo</c>: the generated week of a Windows server, see <see cref="DemoScenario"/>.</summary>
internal sealed class DemoSource : ILogSource
{
    public string Name => "demo";

    public bool IsLive => false;

    public async IAsyncEnumerable<LogEvent> ReadAsync(SourceReadOptions options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var total = (DemoScenario.End - DemoScenario.Start).TotalHours;
        var reported = 0;
        foreach (var e in DemoEvents.All())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (e.TimeCreated >= options.From && e.TimeCreated < options.To)
            {
                yield return e;
            }

            var hours = (int)(e.TimeCreated - DemoScenario.Start).TotalHours;
            if (hours > reported)
            {
                reported = hours;
                options.Progress?.Report(hours / total);
            }
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }
}
