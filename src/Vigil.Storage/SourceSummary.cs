namespace Vigil.Storage;

/// <summary>One stored source (a pushed host's share is <c>host:NAME/SOURCE</c>) with how many events it holds and their span.</summary>
/// <param name="Name">The stored source name.</param>
/// <param name="Events">How many events of the source are stored.</param>
/// <param name="FirstEvent">The oldest stored event's time (UTC), or null when none is stored.</param>
/// <param name="LastEvent">The newest stored event's time (UTC), or null when none is stored.</param>
public sealed record SourceSummary(string Name, long Events, DateTime? FirstEvent, DateTime? LastEvent);
