using Vigil.Core.Rules;

namespace Vigil.Pipeline.Operator;

/// <summary>
/// What the operator told Vigil, as one detect run applies it: the catalogue (with <c>watch_events</c>), the kinds
/// accepted as normal and the rare-kind count — for the model — and the maintenance windows, for the verdicts.
/// </summary>
public sealed record OperatorKnowledge(KindRules Rules, IReadOnlyList<MaintenanceWindow> Maintenance)
{
    /// <summary>What the operator told Vigil through any instance that shares <paramref name="context"/>'s store.</summary>
    public static async Task<OperatorKnowledge> LoadAsync(VigilContext context, CancellationToken cancellationToken)
    {
        var config = context.Config;
        var accepted = await context.OperatorState.ListAcceptedAsync(cancellationToken).ConfigureAwait(false);
        var maintenance = await context.OperatorState.ListMaintenanceAsync(cancellationToken).ConfigureAwait(false);
        var catalogue = SecurityEventCatalogue.Default.With(config.Detection.WatchEvents ?? []);
        return new OperatorKnowledge(new KindRules(catalogue, new AcceptedKinds(accepted.Select(a => a.Kind)), config.Detection.RareKindCount), maintenance);
    }
}
