using Vigil.Core.Events;

namespace Vigil.Collectors.Demo;

/// <summary>The demo's event stream, for the <c>demo</c> verb to write out.</summary>
public static class DemoEvents
{
    public static IEnumerable<LogEvent> All() => new DemoEventGenerator(DemoScenario.Seed).Generate(DemoScenario.Start, DemoScenario.End);
}
