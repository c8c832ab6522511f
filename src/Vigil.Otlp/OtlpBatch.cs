namespace Vigil.Otlp;

/// <summary>What one OTLP export request maps to: the records Vigil can store and the ones it refuses.</summary>
/// <param name="Accepted">The records to store, in request order.</param>
/// <param name="Rejected">How many records were refused (they go into <c>partial_success.rejected_log_records</c>).</param>
/// <param name="FirstRejection">Why the first refused record was refused (for <c>partial_success.error_message</c>), or null.</param>
public sealed record OtlpBatch(IReadOnlyList<OtlpRecord> Accepted, long Rejected, string? FirstRejection);
