using System.Net;
using System.Net.Sockets;
using System.Security.Authentication;
using Polly.Timeout;
using Vigil.Alerts.Formatting;

namespace Vigil.Alerts.Http;

/// <summary>
/// Posts a body to a URL that is itself a secret, and turns every failure into an <see cref="AlertDeliveryException"/>
/// naming the channel, the redacted address and what went wrong (DNS, connect, TLS, timeout, HTTP status and body).
/// </summary>
internal sealed class HttpDelivery
{
    private const int MaxBodyInMessage = 300;

    private readonly HttpClient _client;
    private readonly string _channel;
    private readonly Uri _url;
    private readonly string?[] _secrets;

    public HttpDelivery(HttpClient client, string channel, string url, params string?[] secrets)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"{channel}: the URL is not an absolute http(s) URL ({Redaction.Url(url)}).", nameof(url));
        }

        _client = client;
        _channel = channel;
        _url = uri;
        _secrets = [.. Redaction.SecretParts(uri), url, .. secrets];
    }

    public string Target => Redaction.Url(_url.ToString());

    public async Task PostAsync(string body, IReadOnlyDictionary<string, string> headers, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _url)
        {
            Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json"),
        };
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        HttpResponseMessage response;
        try
        {
            response = await _client.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutRejectedException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw Failure(Describe(ex), transient: ex is not HttpRequestException { InnerException: AuthenticationException }, ex);
        }

        using (response)
        {
            if (response.IsSuccessStatusCode)
            {
                return;
            }

            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (text.Length > MaxBodyInMessage)
            {
                text = text[..MaxBodyInMessage] + "…";
            }

            var status = (int)response.StatusCode;
            var transient = status >= 500 || response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout;
            throw Failure($"HTTP {status} {response.ReasonPhrase}: {text.ReplaceLineEndings(" ").Trim()}", transient, null);
        }
    }

    private static string Describe(Exception ex) => ex switch
    {
        HttpRequestException { InnerException: SocketException { SocketErrorCode: SocketError.HostNotFound or SocketError.TryAgain or SocketError.NoData } } =>
            "DNS lookup failed",
        HttpRequestException { InnerException: SocketException s } => $"cannot connect: {s.Message}",
        HttpRequestException { InnerException: AuthenticationException a } => $"TLS handshake failed: {a.Message}",
        HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError } => "DNS lookup failed",
        HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError } h => $"cannot connect: {h.Message}",
        HttpRequestException { HttpRequestError: HttpRequestError.SecureConnectionError } h => $"TLS handshake failed: {h.Message}",
        HttpRequestException h => $"request failed: {h.Message}",
        _ => "timed out",
    };

    private AlertDeliveryException Failure(string what, bool transient, Exception? inner)
    {
        // Only what the server or the network said is scrubbed: the prefix is ours and already redacted.
        var message = $"{_channel}: POST {Target} failed: {Redaction.Scrub(what, _secrets)}";

        // The inner exception may quote the URL; keep only its type so nothing secret travels with the error.
        return inner is null
            ? new AlertDeliveryException(message, transient)
            : new AlertDeliveryException(message, transient, new HttpRequestException(inner.GetType().Name));
    }
}
