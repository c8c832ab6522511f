using Vigil.Alerts;
using Vigil.Alerts.Delivery;
using Vigil.Alerts.Incidents;
using Vigil.Core.Detection;
using Vigil.Pipeline.Configuration;
using Vigil.Storage.Outbox;

namespace Vigil.Pipeline.Alerting;

/// <summary>
/// Alerting around one detection run: <see cref="PlanAsync"/> before the run's results are committed (its entries go
/// into <c>FinishRunAsync</c>), <see cref="DeliverAsync"/> after, which also sends whatever earlier runs left pending.
/// </summary>
public sealed class AlertRun : IDisposable
{
    private readonly VigilConfig _config;
    private readonly TimeProvider _clock;
    private readonly IAlertOutbox _outbox;
    private readonly AlertChannels _channels;

    public AlertRun(VigilConfig config, TimeProvider clock)
    {
        _config = config;
        _clock = clock;
        _channels = AlertSetup.Channels(config);
        _outbox = StoreOpener.OpenOutbox(config, clock);
    }

    public IAlertOutbox Outbox => _outbox;

    /// <summary>The outbox entries the scored hours call for (none when no channel is enabled).</summary>
    /// <param name="host">The host the events came from, named in the alert.</param>
    public async Task<IReadOnlyList<OutboxEntry>> PlanAsync(string source, string host, IReadOnlyList<HourDetection> scored, string modelId, CancellationToken cancellationToken)
    {
        if (_channels.All.Count == 0)
        {
            return [];
        }

        var last = await _outbox.GetLatestIncidentAsync(source, cancellationToken).ConfigureAwait(false);
        return OutboxPlanner.Plan(
            source, host, scored, last, AlertSetup.Policy(_config), _channels.Names, _clock.GetUtcNow().UtcDateTime, DashboardLink(source), modelId);
    }

    /// <summary>The page an alert links to: a pushing host's own page (host names are DNS-safe), else the dashboard.</summary>
    private string? DashboardLink(string source) =>
        _config.Alerts.PublicUrl is { Length: > 0 } url && Vigil.Core.Events.HostSource.TryParse(source, out var host, out _)
            ? url.TrimEnd('/') + "/fleet.html?host=" + Uri.EscapeDataString(host)
            : _config.Alerts.PublicUrl;

    /// <summary>Sends what is due; failures stay in the outbox with their reason (see <c>vigil alert list</c>).</summary>
    public Task<DispatchReport> DeliverAsync(CancellationToken cancellationToken) =>
        new OutboxDispatcher(_outbox, _channels.All, timeProvider: _clock).DispatchAsync(cancellationToken);

    /// <summary>
    /// <c>vigil alert retry ID</c>: a failed alert goes back to pending and everything due is delivered. An unknown id
    /// or an alert that has not failed is the operator's to fix (a pending one is delivered anyway, a sent one was).
    /// </summary>
    public async Task<DispatchReport> RetryAsync(long id, CancellationToken cancellationToken)
    {
        var status = await _outbox.RequeueFailedAsync(id, cancellationToken).ConfigureAwait(false);
        if (status is null)
        {
            throw new PipelineException($"there is no alert #{id} in the outbox; 'vigil alert list --status failed' shows those that can be retried");
        }

        if (status != OutboxStatus.Failed)
        {
            throw new PipelineException($"alert #{id} is {status.Value.ToString().ToLowerInvariant()}, not failed; only a failed alert can be retried ('vigil alert list --status failed')");
        }

        return await DeliverAsync(cancellationToken).ConfigureAwait(false);
    }

    public void Dispose()
    {
        _outbox.Dispose();
        _channels.Dispose();
    }
}
