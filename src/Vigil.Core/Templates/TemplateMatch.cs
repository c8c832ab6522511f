namespace Vigil.Core.Templates;

/// <summary>The template a message was assigned to.</summary>
/// <param name="TemplateId">Stable id of the template; ids are never reused, also across a save and restore.</param>
/// <param name="IsNew">The message created the template.</param>
/// <param name="Truncated">The message was longer than <see cref="TemplateMinerOptions.MaxMessageLength"/>.</param>
public readonly record struct TemplateMatch(int TemplateId, bool IsNew, bool Truncated);
