namespace Vigil.Api.Contracts;

/// <summary><c>GET /health</c>: alive (the store answers) and ready (a model is loaded too), with the last successful run.</summary>
public sealed record HealthDto(string Status, bool Live, bool Ready, bool StoreReachable, bool ModelLoaded, DateTime? LastSuccessfulRun);
