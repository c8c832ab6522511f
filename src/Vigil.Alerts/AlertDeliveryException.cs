namespace Vigil.Alerts;

/// <summary>A channel could not deliver; the message says what failed (connect, TLS, auth, HTTP status) and never holds a secret.</summary>
public sealed class AlertDeliveryException : Exception
{
    public AlertDeliveryException(string message, bool isTransient)
        : base(message)
    {
        IsTransient = isTransient;
    }

    public AlertDeliveryException(string message, bool isTransient, Exception inner)
        : base(message, inner)
    {
        IsTransient = isTransient;
    }

    /// <summary>True when trying again later may work (network down, 5xx, 429); false for wrong credentials or a bad address.</summary>
    public bool IsTransient { get; }
}
