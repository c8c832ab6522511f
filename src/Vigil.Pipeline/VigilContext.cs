using Vigil.Collectors;
using Vigil.Ingest;
using Vigil.Pipeline.Configuration;
using Vigil.Storage;
using Vigil.Storage.Incidents;
using Vigil.Storage.Operator;
using Vigil.Storage.Outbox;

namespace Vigil.Pipeline;

/// <summary>
/// What a run needs, opened from the config: the store, the operator's state and the incidents, the model file, the
/// sources and the clock. Each store is opened on first use and once per context (a PostgreSQL one is a connection pool).
/// </summary>
public sealed class VigilContext : IDisposable
{
    private readonly Lazy<IEventStore> _store;
    private readonly Lazy<IAlertOutbox>? _sharedOutbox;
    private readonly Lazy<IOperatorStore> _operatorState;
    private readonly Lazy<IIncidentStore> _incidents;

    public VigilContext(VigilConfig config, TimeProvider? timeProvider = null)
    {
        Config = config;
        Clock = timeProvider ?? TimeProvider.System;
        Models = new ModelRepository(config.Vigil.ModelPath);
        _store = new Lazy<IEventStore>(() => StoreOpener.OpenStore(config, Clock));
        _operatorState = new Lazy<IOperatorStore>(() => StoreOpener.OpenOperatorStore(config, Clock));
        _incidents = new Lazy<IIncidentStore>(() => StoreOpener.OpenIncidentStore(config, Clock));

        // A PostgreSQL outbox is a connection pool: one for every run of this context, not one (with its connections
        // and schema check) per scored host scope — a fleet tick scores hundreds.
        _sharedOutbox = config.Store.Kind == StoreKind.Postgresql ? new Lazy<IAlertOutbox>(() => StoreOpener.OpenOutbox(config, Clock)) : null;
    }

    public VigilConfig Config { get; }

    public TimeProvider Clock { get; }

    public ModelRepository Models { get; }

    public IEventStore Store => _store.Value;

    /// <summary>Maintenance windows, accepted kinds and false alarms: this instance's own (SQLite), or every instance's (PostgreSQL).</summary>
    public IOperatorStore OperatorState => _operatorState.Value;

    /// <summary>The incidents: this instance's own (SQLite), or every instance's (PostgreSQL).</summary>
    public IIncidentStore Incidents => _incidents.Value;

    /// <summary>The outbox every run of this context shares (PostgreSQL), or null where each run opens its own (SQLite).</summary>
    public IAlertOutbox? SharedOutbox => _sharedOutbox?.Value;

    /// <summary>Where the store is, for status (a file path, or postgresql://host:port/database).</summary>
    public string StoreLocation => StoreOpener.Describe(Config);

    /// <summary>The model file of a run: the single-host one, or a host scope's own (<see cref="RunRequest.Scope"/>).</summary>
    public ModelRepository ModelsFor(string? scope) =>
        scope is null ? Models : new ModelRepository(Fleet.ScopeModelPath.For(Config.Vigil.ModelsDir, scope));

    /// <summary>What the ingestion road keeps (<c>min_level</c>) and when an event is dated in the future.</summary>
    public IngestPolicy IngestPolicy => new(Config.Vigil.MinLevel, TimeSpan.FromHours(Config.Detection.FutureToleranceHours));

    /// <summary>The one ingestion road into this context's store, on its clock.</summary>
    public EventIngestor Ingestor(Action<string> warn) => new(Store, IngestPolicy, warn, Clock);

    /// <summary>The sources named by <paramref name="specs"/>, or by <c>[vigil] source</c> when null.</summary>
    public IReadOnlyList<ILogSource> Sources(string? specs)
    {
        var list = SourceFactory.SplitSpecs(specs ?? Config.Vigil.Source);
        if (list.Count == 0)
        {
            throw new SourceException($"no source given; set [vigil] source or pass --source ({SourceFactory.Kinds})");
        }

        return [.. list.Select(spec => SourceFactory.Create(spec, Config.Vigil.Formats))];
    }

    public void Dispose()
    {
        if (_store.IsValueCreated)
        {
            _store.Value.Dispose();
        }

        if (_sharedOutbox is { IsValueCreated: true })
        {
            _sharedOutbox.Value.Dispose();
        }

        if (_operatorState.IsValueCreated)
        {
            _operatorState.Value.Dispose();
        }

        if (_incidents.IsValueCreated)
        {
            _incidents.Value.Dispose();
        }
    }
}
