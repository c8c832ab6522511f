using Vigil.Core.Windows;
using Vigil.Storage;

namespace Vigil.Pipeline.Export;

/// <summary>One exported hour: the summary of its stored events now, and the verdict a detection stored for it, if any.</summary>
public sealed record ExportedHour(HourlySummary Summary, StoredVerdict? Verdict);
