namespace Vigil.Api.Security;

/// <summary>The configured key, bound once at start. A secret: never serialized, never logged.</summary>
internal sealed record ApiKeySettings(string? Key)
{
    public bool Required => Key is not null;

    public override string ToString() => $"ApiKeySettings {{ Required = {Required} }}";
}
