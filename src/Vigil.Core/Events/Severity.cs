namespace Vigil.Core.Events;

/// <summary>The three classes the seed's hourly summary counts.</summary>
public enum Severity
{
    Info = 0,
    Warning = 1,
    Error = 2,
}
