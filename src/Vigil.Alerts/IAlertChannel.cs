namespace Vigil.Alerts;

/// <summary>One way to tell an operator (email, Slack, a webhook). Throws <see cref="AlertDeliveryException"/> when delivery failed.</summary>
public interface IAlertChannel
{
    /// <summary>The channel's name as used in config and on the command line (email, slack, webhook).</summary>
    string Name { get; }

    Task SendAsync(Alert alert, CancellationToken cancellationToken);
}
