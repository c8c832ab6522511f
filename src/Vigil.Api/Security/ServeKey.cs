namespace Vigil.Api.Security;

/// <summary>
/// The key <c>vigil serve</c> requires: <c>[api] api_key</c> when set, otherwise the one generated on first start and
/// kept in <see cref="FilePath"/>. A secret: never serialized, never logged.
/// </summary>
internal sealed record ServeKey(string Value, string? FilePath, bool Generated)
{
    public override string ToString() => $"ServeKey {{ FilePath = {FilePath ?? "(configured)"}, Generated = {Generated} }}";
}
