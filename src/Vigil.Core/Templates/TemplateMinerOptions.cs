namespace Vigil.Core.Templates;

/// <summary>
/// Parameters of the template miner. The defaults are one set measured on the loghub HDFS, BGL, Linux, OpenSSH and
/// Apache samples; they are saved with the miner's state because changing them changes which template a line gets.
/// </summary>
public sealed record TemplateMinerOptions
{
    /// <summary>Drain's tree depth: the root, the token-count layer, then <c>Depth - 2</c> leading-token layers.</summary>
    public int Depth { get; init; } = 4;

    /// <summary>Share of a line's tokens that must equal a template's for the line to join it, in (0, 1].</summary>
    public double SimilarityThreshold { get; init; } = 0.67;

    /// <summary>Children a tree node may have before further distinct tokens share its wildcard child.</summary>
    public int MaxChildren { get; init; } = 100;

    /// <summary>Characters of a message that are mined; the rest is cut off and the match says so.</summary>
    public int MaxMessageLength { get; init; } = 16 * 1024;

    /// <summary>
    /// Distinct templates kept at most. Past it, a message that fits no template goes to the "other" bucket
    /// (<see cref="TemplateMiner.OtherTemplateId"/>) and the tree stops growing, so endless unique lines keep memory flat.
    /// </summary>
    public int MaxTemplates { get; init; } = 10_000;

    /// <summary>
    /// Regular expressions replaced by <c>&lt;*&gt;</c> before the built-in masks (numbers, IPs, hex, UUIDs, paths)
    /// run, for variables those cannot recognise, such as host names of one site.
    /// </summary>
    public IReadOnlyList<string> ExtraMasks { get; init; } = [];
}
