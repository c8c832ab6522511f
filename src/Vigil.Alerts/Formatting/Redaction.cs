namespace Vigil.Alerts.Formatting;

/// <summary>Hides what makes a URL a credential (Slack and webhook URLs carry their token in the path, query or user info).</summary>
internal static class Redaction
{
    // Shorter path segments or query values ("v1", "hook") are words, not tokens; scrubbing them would garble messages.
    private const int MinimumSecretPart = 6;

    /// <summary>Keeps scheme, host and port, never user info: <c>https://hooks.slack.com/***</c>.</summary>
    public static string Url(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
            ? $"{uri.Scheme}://{uri.Host}{(uri.IsDefaultPort ? "" : $":{uri.Port}")}{(uri.AbsolutePath.Length > 1 || uri.Query.Length > 0 || uri.UserInfo.Length > 0 ? "/***" : "")}"
            : "(an invalid URL)";

    /// <summary>
    /// Every part of a secret URL a server might echo on its own: the whole URL, its path and query, its user info
    /// (and the user and password apart), each path segment and query value long enough to be a token, raw and decoded.
    /// </summary>
    public static IEnumerable<string> SecretParts(Uri url)
    {
        yield return url.OriginalString;
        yield return url.AbsoluteUri;
        if (url.PathAndQuery.Length > 1)
        {
            yield return url.PathAndQuery;
        }

        if (url.UserInfo.Length > 0)
        {
            yield return url.UserInfo;
            foreach (var part in url.UserInfo.Split(':'))
            {
                yield return part;
                yield return Uri.UnescapeDataString(part);
            }
        }

        var pieces = url.AbsolutePath.Split('/').Concat(url.Query.TrimStart('?').Split('&').Select(p => p[(p.IndexOf('=', StringComparison.Ordinal) + 1)..]));
        foreach (var piece in pieces.Where(p => p.Length >= MinimumSecretPart))
        {
            yield return piece;
            yield return Uri.UnescapeDataString(piece);
        }
    }

    /// <summary>Removes every given secret from a message that may echo it (a server's error body, an exception text), longest first.</summary>
    public static string Scrub(string text, params IEnumerable<string?> secrets)
    {
        foreach (var secret in secrets.Where(s => !string.IsNullOrEmpty(s)).Distinct().OrderByDescending(s => s!.Length))
        {
            text = text.Replace(secret!, "***", StringComparison.Ordinal);
        }

        return text;
    }
}
