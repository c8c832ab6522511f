using Vigil.Core.Detection;

namespace Vigil.Storage;

/// <summary>A verdict as stored for one (scope, hour): the scored hour, the model that scored it and the run.</summary>
public sealed record StoredVerdict(HourDetection Hour, string ModelId, long RunId);
