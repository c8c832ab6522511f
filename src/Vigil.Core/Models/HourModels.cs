using Vigil.Core.Forest;
using Vigil.Core.Windows;

namespace Vigil.Core.Models;

/// <summary>Trains or rebuilds a model by kind (<c>seed</c> or <c>vigil</c>).</summary>
public static class HourModels
{
    public static readonly string[] Kinds = [SeedModel.Kind, VigilModel.Kind];

    /// <param name="alsoSeen">
    /// Hours left out of the baseline (flagged ones, at a retrain) whose event kinds still count as seen, so a benign
    /// new kind that paged is known to the next model; the seed model has no kinds.
    /// </param>
    public static IHourModel Train(string kind, IReadOnlyList<HourWindow> windows, IsolationForestOptions options, string source, DateTime trainedAt, IReadOnlyList<HourWindow>? alsoSeen = null) => kind switch
    {
        SeedModel.Kind => SeedModel.Train([.. windows.Select(w => w.Summary)], options, source, trainedAt),
        VigilModel.Kind => VigilModel.Train(windows, options, source, trainedAt, alsoSeen: alsoSeen),
        _ => throw new ArgumentException($"'{kind}' is not a model (seed or vigil).", nameof(kind)),
    };

    /// <summary>The model scoring with <paramref name="rules"/> (the vigil model's kinds; the seed model has none).</summary>
    public static IHourModel WithRules(IHourModel model, Rules.KindRules rules) => model is VigilModel vigil ? vigil.WithRules(rules) : model;

    /// <summary>Rebuilds whichever kind the document says; throws <see cref="ModelFormatException"/> for an unknown kind.</summary>
    /// <param name="rules">The catalogue and accepted kinds the vigil model scores with (the seed model has no kinds).</param>
    public static IHourModel Load(ModelDocument document, string origin, Rules.KindRules? rules = null)
    {
        try
        {
            return document.Kind switch
            {
                SeedModel.Kind => SeedModel.FromDocument(document, origin),
                VigilModel.Kind => VigilModel.FromDocument(document, origin, rules),
                _ => throw new ModelFormatException($"{origin}: model kind '{document.Kind}' is not known to this Vigil (seed or vigil); run 'vigil setup' to train a new model"),
            };
        }
        catch (Exception ex) when (ex is ArgumentException or NullReferenceException or IndexOutOfRangeException)
        {
            // A hand-edited or damaged file can hold a forest that does not hold together (e.g. a child pointing backwards).
            throw new ModelFormatException($"{origin}: the model file is damaged ({ex.Message.Split('.')[0]}); run 'vigil setup' to train a new model");
        }
    }
}
