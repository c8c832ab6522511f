using Vigil.Core.Rules;
using Vigil.Pipeline.Configuration;
using Vigil.Storage.Operator;

namespace Vigil.Pipeline.Operator;

/// <summary>
/// What the operator told Vigil, as one detect run applies it: the catalogue (with <c>watch_events</c>), the kinds
/// accepted as normal and the rare-kind count — for the model — and the maintenance windows, for the verdicts.
/// </summary>
public sealed record OperatorKnowledge(KindRules Rules, IReadOnlyList<MaintenanceWindow> Maintenance)
{
    public static async Task<OperatorKnowledge> LoadAsync(VigilConfig config, TimeProvider clock, CancellationToken cancellationToken)
    {
        using var store = SqliteOperatorStore.Open(config.Vigil.StorePath, clock);
        var accepted = await store.ListAcceptedAsync(cancellationToken).ConfigureAwait(false);
        var maintenance = await store.ListMaintenanceAsync(cancellationToken).ConfigureAwait(false);
        var catalogue = SecurityEventCatalogue.Default.With(config.Detection.WatchEvents ?? []);
        return new OperatorKnowledge(new KindRules(catalogue, new AcceptedKinds(accepted.Select(a => a.Kind)), config.Detection.RareKindCount), maintenance);
    }
}
