namespace Vigil.Core.Detection;

/// <summary>One reason a rule or the forest gives for flagging an hour.</summary>
/// <param name="Rule">Which rule found it (a <see cref="DetectionRule"/> name).</param>
/// <param name="Pages">False for a note: kept on the verdict as a reason, but it does not flag the hour on its own.</param>
public readonly record struct Finding(string Rule, AnomalySeverity Severity, string Reason, bool Pages = true);
