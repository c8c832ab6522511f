namespace Vigil.Core.Templates;

/// <summary>One saved template. <paramref name="Route"/> is the tree path it was filed under when created.</summary>
public sealed record TemplateState(
    int Id,
    IReadOnlyList<string> Tokens,
    IReadOnlyList<string> Route,
    long Count,
    long FirstSeen,
    long LastSeen);
