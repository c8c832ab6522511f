using System.Text.Json;
using Vigil.Storage.Outbox;

namespace Vigil.Alerts.Delivery;

/// <summary>
/// Delivers what is due in the outbox. Each entry is marked sent right after its channel accepted it; a transient
/// failure keeps it pending until a backoff has passed (the next run, or the next round of a service, picks it up),
/// a permanent one (wrong password, bad address) or too many attempts marks it failed with the reason.
/// A channel that failed transiently is skipped for the rest of the round so a dead server costs one timeout, not one per alert.
/// </summary>
public sealed class OutboxDispatcher
{
    private const int BatchSize = 100;

    private readonly IAlertOutbox _outbox;
    private readonly Dictionary<string, IAlertChannel> _channels;
    private readonly OutboxRetryOptions _retry;
    private readonly TimeProvider _timeProvider;

    public OutboxDispatcher(IAlertOutbox outbox, IEnumerable<IAlertChannel> channels, OutboxRetryOptions? retry = null, TimeProvider? timeProvider = null)
    {
        _outbox = outbox;
        _channels = channels.ToDictionary(c => c.Name, StringComparer.OrdinalIgnoreCase);
        _retry = retry ?? new OutboxRetryOptions();
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    public async Task<DispatchReport> DispatchAsync(CancellationToken cancellationToken)
    {
        var (sent, retrying, failed) = (0, 0, 0);
        var errors = new List<string>();
        var down = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in await _outbox.GetDueAsync(Now(), BatchSize, cancellationToken).ConfigureAwait(false))
        {
            if (down.Contains(entry.Channel))
            {
                continue;
            }

            var attempts = entry.Attempts + 1;
            var error = await TrySendAsync(entry, cancellationToken).ConfigureAwait(false);
            if (error is null)
            {
                await _outbox.MarkSentAsync(entry.Id, attempts, Now(), cancellationToken).ConfigureAwait(false);
                sent++;
                continue;
            }

            errors.Add($"#{entry.Id} {entry.Channel}: {error.Message}");
            if (error.IsTransient && attempts < _retry.MaxAttempts)
            {
                down.Add(entry.Channel);
                await _outbox.MarkRetryAsync(entry.Id, attempts, Now() + _retry.DelayAfter(attempts), error.Message, cancellationToken).ConfigureAwait(false);
                retrying++;
            }
            else
            {
                await _outbox.MarkFailedAsync(entry.Id, attempts, error.Message, cancellationToken).ConfigureAwait(false);
                failed++;
            }
        }

        return new DispatchReport(sent, retrying, failed, errors);
    }

    private async Task<AlertDeliveryException?> TrySendAsync(OutboxEntry entry, CancellationToken cancellationToken)
    {
        if (!_channels.TryGetValue(entry.Channel, out var channel))
        {
            return new AlertDeliveryException($"channel '{entry.Channel}' is not enabled", isTransient: false);
        }

        Alert alert;
        try
        {
            alert = AlertPayload.Deserialize(entry.Payload);
        }
        catch (JsonException ex)
        {
            return new AlertDeliveryException($"the stored alert cannot be read: {ex.Message}", isTransient: false);
        }

        try
        {
            await channel.SendAsync(alert, cancellationToken).ConfigureAwait(false);
            return null;
        }
        catch (AlertDeliveryException ex)
        {
            return ex;
        }
    }

    private DateTime Now() => _timeProvider.GetUtcNow().UtcDateTime;
}
