namespace Vigil.Storage.Outbox;

/// <summary>Where an outbox entry stands: waiting (including waiting for a retry), delivered, or given up on.</summary>
public enum OutboxStatus
{
    Pending,
    Sent,
    Failed,
}
