namespace Vigil.Collectors.Demo;

/// <summary>The demo's timeline: 7 training days, then one day with an injected incident.</summary>
public static class DemoScenario
{
    /// <summary>A Monday, so the detection day has the same weekday as the first training day.</summary>
    public static readonly DateTime Start = new(2026, 2, 9, 0, 0, 0, DateTimeKind.Utc);

    public static readonly DateTime TrainingEnd = Start.AddDays(7);

    public static readonly DateTime End = Start.AddDays(8);

    /// <summary>The hours in which the incident (service crash loop and failing disk) was injected.</summary>
    public static readonly DateTime[] IncidentHours = [TrainingEnd.AddHours(14), TrainingEnd.AddHours(15), TrainingEnd.AddHours(16)];

    public const string Computer = "WIN-SRV01.corp.example";

    public const int Seed = 42;
}
