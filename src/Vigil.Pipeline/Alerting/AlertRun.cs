using Vigil.Alerts;
using Vigil.Alerts.Delivery;
using Vigil.Alerts.Incidents;
using Vigil.Core.Detection;
using Vigil.Pipeline.Configuration;
using Vigil.Storage.Incidents;
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
    // Opened on first use: `vigil alert send`/`retry` only deliver the outbox and never read incidents.
    private readonly Lazy<IIncidentStore> _incidents;
    private readonly AlertChannels _channels;
    private readonly bool _ownsOutbox;
    private readonly bool _ownsIncidents;

    public AlertRun(VigilConfig config, TimeProvider clock)
        : this(config, clock, null, null)
    {
    }

    /// <summary>A run of <paramref name="context"/>: on its incidents, and on its shared outbox when it has one (PostgreSQL).</summary>
    public AlertRun(VigilContext context)
        : this(context.Config, context.Clock, context.SharedOutbox, context.Incidents)
    {
    }

    private AlertRun(VigilConfig config, TimeProvider clock, IAlertOutbox? sharedOutbox, IIncidentStore? incidents)
    {
        _config = config;
        _clock = clock;
        _channels = AlertSetup.Channels(config);
        _ownsOutbox = sharedOutbox is null;
        _outbox = sharedOutbox ?? StoreOpener.OpenOutbox(config, clock);
        _ownsIncidents = incidents is null;
        _incidents = incidents is null ? new(() => StoreOpener.OpenIncidentStore(config, clock)) : new(incidents);
    }

    public IAlertOutbox Outbox => _outbox;

    /// <summary>
    /// What the scored hours do to the source's incidents (planned whether or not a channel is enabled: <c>vigil
    /// incidents</c> lists them either way) and the outbox entries their pages call for (none without a channel).
    /// </summary>
    /// <param name="host">The host the events came from, named in the alert.</param>
    public async Task<RunAlerts> PlanAsync(string source, string host, IReadOnlyList<HourDetection> scored, string modelId, CancellationToken cancellationToken)
    {
        var last = await _incidents.Value.GetLatestAsync(source, cancellationToken).ConfigureAwait(false)
            ?? FromOutbox(await _outbox.GetLatestIncidentAsync(source, cancellationToken).ConfigureAwait(false));
        var now = _clock.GetUtcNow().UtcDateTime;
        var plan = IncidentPlanner.Plan(source, scored, last, AlertSetup.Policy(_config), now, modelId);
        var entries = _channels.All.Count == 0
            ? []
            : OutboxPlanner.Entries(source, host, plan.Alerts, _channels.Names, now, DashboardLink(source), modelId);
        return new RunAlerts(entries, plan.Incidents);
    }

    /// <summary>Stores the incidents as the run left them; call it once the run's verdicts and pages are committed.</summary>
    public Task RecordAsync(RunAlerts planned, CancellationToken cancellationToken) => _incidents.Value.SaveAsync(planned.Incidents, cancellationToken);

    /// <summary>An incident alerted before incidents were stored on their own continues, rather than paging anew.</summary>
    private static IncidentRecord? FromOutbox(OutboxIncident? incident) =>
        incident is null ? null : new IncidentRecord(incident.IncidentId, incident.Source, incident.FirstHour, incident.LastHour, incident.Resolved) { Hours = 1, Pages = 1 };

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
        if (_ownsOutbox)
        {
            _outbox.Dispose();
        }

        if (_ownsIncidents && _incidents.IsValueCreated)
        {
            _incidents.Value.Dispose();
        }

        _channels.Dispose();
    }
}
