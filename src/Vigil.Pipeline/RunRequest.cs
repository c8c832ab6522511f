namespace Vigil.Pipeline;

/// <summary>What a setup or detect run covers; nulls fall back to the config.</summary>
/// <param name="Sources">Comma-separated source specs (<c>--source</c>), or null for <c>[vigil] source</c>.</param>
/// <param name="Now">The end of the range (<c>--now</c>), or null for the clock / the newest event of offline sources.</param>
/// <param name="Hours">How many hours (<c>--hours</c>), or null for the run's default.</param>
public sealed record RunRequest(string? Sources = null, DateTime? Now = null, int? Hours = null);
