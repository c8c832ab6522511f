namespace Vigil.Alerts.Channels.Email;

/// <summary>Config <c>[email] security</c>: how the connection is protected.</summary>
public enum SmtpSecurity
{
    /// <summary>Implicit TLS on port 465, STARTTLS (required) on any other port.</summary>
    Auto,

    /// <summary>STARTTLS, required: a server that does not offer it is an error.</summary>
    StartTls,

    /// <summary>Implicit TLS from the first byte.</summary>
    Tls,

    /// <summary>Plain text; only when set explicitly.</summary>
    None,
}
