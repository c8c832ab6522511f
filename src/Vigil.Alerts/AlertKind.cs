namespace Vigil.Alerts;

/// <summary>The place of an alert in its incident.</summary>
public enum AlertKind
{
    /// <summary>Sent by <c>vigil alert test</c>: proves a channel works, carries sample hours.</summary>
    Test,

    /// <summary>The first alert of an incident.</summary>
    New,

    /// <summary>More anomalous hours within the cooldown of an open incident.</summary>
    Update,

    /// <summary>No anomalous hour for longer than the cooldown after the incident's last one.</summary>
    Resolved,
}
