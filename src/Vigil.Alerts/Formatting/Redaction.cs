namespace Vigil.Alerts.Formatting;

/// <summary>Hides what makes a URL a credential (Slack and webhook URLs carry their token in the path or query).</summary>
internal static class Redaction
{
    /// <summary>Keeps scheme, host and port: <c>https://hooks.slack.com/services/***</c>.</summary>
    public static string Url(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
            ? $"{uri.GetLeftPart(UriPartial.Authority)}{(uri.AbsolutePath.Length > 1 || uri.Query.Length > 0 ? "/***" : "")}"
            : "(an invalid URL)";

    /// <summary>Removes every given secret from a message that may echo it (a server's error body, an exception text).</summary>
    public static string Scrub(string text, params string?[] secrets)
    {
        foreach (var secret in secrets)
        {
            if (!string.IsNullOrEmpty(secret))
            {
                text = text.Replace(secret, "***", StringComparison.Ordinal);
            }
        }

        return text;
    }
}
