namespace Vigil.Core.Detection;

/// <summary>How urgent a flagged hour is; <see cref="None"/> for normal hours and for models that do not grade.</summary>
public enum AnomalySeverity
{
    None = 0,
    Low = 1,
    Medium = 2,
    High = 3,
}
