namespace Vigil.Pipeline.Fleet;

/// <summary>What a fleet setup or detect did with one host scope.</summary>
/// <param name="LearningHours">How many of the 168 learning hours the scope has seen (168 once trained).</param>
public sealed record ScopeOutcome(HostScope Scope, ScopeState State, int LearningHours)
{
    /// <summary>The model trained in this run (by setup, or automatically once the scope had a week), else null.</summary>
    public SetupResult? Trained { get; init; }

    /// <summary>The scored hours, when the scope was scored.</summary>
    public DetectReport? Report { get; init; }

    /// <summary>Why a scope with a week of data still learns (too sparse to learn from), else null.</summary>
    public string? Note { get; init; }

    /// <summary>An error the operator can fix that stopped this scope (the others went on), else null.</summary>
    public string? Error { get; init; }

    /// <summary>The state in the operator's words: "learning (40 of 168 hours)", "ok", "anomalous", or "failed".</summary>
    public string Describe() => Error is not null ? "failed" : State switch
    {
        ScopeState.Learning => LearningWeek.Describe(LearningHours),
        ScopeState.Anomalous => "anomalous",
        _ => "ok",
    };
}
