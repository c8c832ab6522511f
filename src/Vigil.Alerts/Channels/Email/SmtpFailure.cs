using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Vigil.Alerts.Formatting;

namespace Vigil.Alerts.Channels.Email;

/// <summary>Names what failed in an SMTP exchange; the password is scrubbed from anything a server echoed.</summary>
internal static class SmtpFailure
{
    public static AlertDeliveryException From(Exception ex, EmailOptions options)
    {
        var server = $"{options.SmtpServer}:{options.SmtpPort}";
        var (what, transient) = ex switch
        {
            SocketException { SocketErrorCode: SocketError.HostNotFound or SocketError.TryAgain or SocketError.NoData } =>
                ($"DNS lookup of {options.SmtpServer} failed", true),
            SocketException s => ($"cannot connect to {server}: {s.Message}", true),
            SslHandshakeException s => ($"TLS handshake with {server} failed: {FirstLine(s.Message)}", false),
            MailKit.Security.AuthenticationException => ($"authentication as {Login(options)} rejected by {server}", false),
            ServiceNotAuthenticatedException => ($"{server} requires authentication and no password is set", false),
            NotSupportedException n when n.Message.Contains("STARTTLS", StringComparison.OrdinalIgnoreCase) =>
                ($"{server} does not offer STARTTLS (set security = none only for a trusted plain server)", false),
            NotSupportedException n when n.Message.Contains("authentication", StringComparison.OrdinalIgnoreCase) =>
                ($"{server} offers no authentication on this connection, but a password is set", false),
            SmtpCommandException c => ($"{server} refused {c.ErrorCode}: {(int)c.StatusCode} {c.Message}", (int)c.StatusCode is >= 400 and < 500),
            SmtpProtocolException p => ($"protocol error with {server}: {p.Message}", true),
            TimeoutException or OperationCanceledException => ($"{server} timed out", true),
            IOException io => ($"connection to {server} broke: {io.Message}", true),
            _ => ($"{ex.GetType().Name}: {ex.Message}", false),
        };

        return new AlertDeliveryException(Redaction.Scrub($"email: {what}", options.Password), transient);
    }

    private static string Login(EmailOptions options) => options.UserName ?? options.SenderEmail;

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();
}
