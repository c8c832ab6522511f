using Vigil.Pipeline.Configuration;
using Vigil.Storage;
using Vigil.Storage.Outbox;
using Vigil.Storage.Postgres;

namespace Vigil.Pipeline;

/// <summary>Opens the store and its alert outbox on the engine <c>[store] kind</c> names: the one place that chooses.</summary>
public static class StoreOpener
{
    public static IEventStore OpenStore(VigilConfig config, TimeProvider clock) => config.Store.Kind switch
    {
        StoreKind.Postgresql => PostgresEventStore.Open(config.Store.ConnectionString!, config.Store.RetentionDays, clock),
        _ => SqliteEventStore.Open(config.Vigil.StorePath),
    };

    public static IAlertOutbox OpenOutbox(VigilConfig config, TimeProvider clock) => config.Store.Kind switch
    {
        StoreKind.Postgresql => PostgresAlertOutbox.Open(config.Store.ConnectionString!, clock),
        _ => SqliteAlertOutbox.Open(config.Vigil.StorePath, clock),
    };

    /// <summary>Where the store is, for status: the SQLite file's full path, or postgresql://host:port/database (never the connection string).</summary>
    public static string Describe(VigilConfig config) => config.Store.Kind switch
    {
        StoreKind.Postgresql => PostgresTarget.Of(config.Store.ConnectionString!).Location,
        _ => Path.GetFullPath(config.Vigil.StorePath),
    };
}
