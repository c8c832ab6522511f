using System.Net.Security;

namespace Vigil.Alerts.Channels.Email;

/// <summary>
/// Config <c>[email] smtp_server, smtp_port, sender_email, password, receiver_email, security</c>.
/// <paramref name="ReceiverEmail"/> may list several addresses separated by commas; authentication (as
/// <see cref="UserName"/>, by default the sender) happens only when a password is set.
/// </summary>
public sealed record EmailOptions(
    string SmtpServer,
    int SmtpPort,
    string SenderEmail,
    string? Password,
    string ReceiverEmail,
    SmtpSecurity Security = SmtpSecurity.Auto)
{
    /// <summary>The login, when it differs from <see cref="SenderEmail"/>.</summary>
    public string? UserName { get; init; }

    /// <summary>
    /// Replaces the system's certificate validation. Null (the default) keeps it; tests set it to accept their
    /// self-signed certificate only.
    /// </summary>
    public RemoteCertificateValidationCallback? ServerCertificateValidation { get; init; }

    /// <summary>Parses <c>security</c>: auto (or empty), starttls, tls (or ssl), none.</summary>
    public static SmtpSecurity ParseSecurity(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" or "auto" => SmtpSecurity.Auto,
        "starttls" => SmtpSecurity.StartTls,
        "tls" or "ssl" => SmtpSecurity.Tls,
        "none" => SmtpSecurity.None,
        _ => throw new FormatException($"[email] security = {value}: expected auto, starttls, tls or none."),
    };
}
