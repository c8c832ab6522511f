using System.Security.Cryptography;
using System.Text;

namespace Vigil.Alerts.Channels.Webhook;

/// <summary>The <c>X-Vigil-Signature</c> header: <c>sha256=</c> and the lowercase hex HMAC-SHA256 of the exact body bytes.</summary>
internal static class WebhookSignature
{
    public const string Header = "X-Vigil-Signature";

    public static string Compute(string secret, string body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(body)));
}
