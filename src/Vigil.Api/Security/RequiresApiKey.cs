namespace Vigil.Api.Security;

/// <summary>Endpoint metadata: the endpoint answers only with the right <c>X-Api-Key</c> when <c>[api] api_key</c> is set.</summary>
internal sealed class RequiresApiKey
{
    public static readonly RequiresApiKey Instance = new();

    private RequiresApiKey()
    {
    }
}
