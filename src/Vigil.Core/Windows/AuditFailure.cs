using Vigil.Core.Events;

namespace Vigil.Core.Windows;

/// <summary>
/// Failed logons and credential checks. They are Information-level audit events, so the seed's error count never
/// sees a brute force; Vigil counts them on their own.
/// </summary>
public static class AuditFailure
{
    public static bool Is(LogEvent e)
    {
        switch (e.EventId)
        {
            case 4625: // an account failed to log on
            case 4771: // Kerberos pre-authentication failed
                return IsSecurity(e);
            case 4776:
                // Credential validation is logged for success too; success carries error code 0x0.
                return IsSecurity(e) && e.Message is { } m && m.Contains("Error Code:", StringComparison.OrdinalIgnoreCase)
                    && !m.Contains("Error Code:\t0x0", StringComparison.OrdinalIgnoreCase) && !m.Contains("Error Code: 0x0", StringComparison.OrdinalIgnoreCase);
            default:
                return e.Message is { } text && text.StartsWith("Audit Failure", StringComparison.OrdinalIgnoreCase);
        }
    }

    private static bool IsSecurity(LogEvent e) =>
        e.Channel.Equals("Security", StringComparison.OrdinalIgnoreCase)
        || e.Provider.Equals("Microsoft-Windows-Security-Auditing", StringComparison.OrdinalIgnoreCase);
}
