namespace Vigil.Core.Detection;

/// <summary>One reason a rule or the forest gives for flagging an hour.</summary>
public readonly record struct Finding(AnomalySeverity Severity, string Reason);
