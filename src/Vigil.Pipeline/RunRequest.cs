namespace Vigil.Pipeline;

/// <summary>What a setup or detect run covers; nulls fall back to the config.</summary>
/// <param name="Sources">Comma-separated source specs (<c>--source</c>), or null for <c>[vigil] source</c>.</param>
/// <param name="Now">The end of the range (<c>--now</c>), or null for the rule in <see cref="RangeResolver"/>.</param>
/// <param name="Hours">How many hours (<c>--hours</c>), or null for the run's default.</param>
/// <param name="Force">Setup trains even on a week too sparse to learn from (<c>--force</c>).</param>
/// <param name="Collect">
/// Read the sources into the store first; false when a follower already stores them (<c>watch</c>) or a caller
/// already ingested them (<c>evaluate</c>): the run then reads the store only.
/// </param>
/// <param name="Scope">
/// One stored source to run on instead of <paramref name="Sources"/>: a host scope (<c>host:NAME/SOURCE</c>) that
/// receivers fill. It is read from the store only, and has its own model file (<see cref="Fleet.ScopeModelPath"/>).
/// </param>
public sealed record RunRequest(string? Sources = null, DateTime? Now = null, int? Hours = null, bool Force = false, bool Collect = true, string? Scope = null);
