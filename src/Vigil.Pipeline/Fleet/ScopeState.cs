namespace Vigil.Pipeline.Fleet;

/// <summary>Where a host scope stands: still learning its normal week, trained and normal, or trained with an anomalous hour.</summary>
public enum ScopeState
{
    Learning,
    Ok,
    Anomalous,
}
