using Vigil.Pipeline.Configuration;
using Vigil.Storage;
using Vigil.Storage.Incidents;
using Vigil.Storage.Operator;
using Vigil.Storage.Outbox;
using Vigil.Storage.Postgres;

namespace Vigil.Pipeline;

/// <summary>
/// Opens the store, its alert outbox, the operator's state and the incidents on the engine <c>[store] kind</c> names:
/// the one place that chooses. On PostgreSQL all of them are shared by every instance on the database.
/// </summary>
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

    public static IOperatorStore OpenOperatorStore(VigilConfig config, TimeProvider clock) => config.Store.Kind switch
    {
        StoreKind.Postgresql => PostgresOperatorStore.Open(config.Store.ConnectionString!, clock),
        _ => SqliteOperatorStore.Open(config.Vigil.StorePath, clock),
    };

    public static IIncidentStore OpenIncidentStore(VigilConfig config, TimeProvider clock) => config.Store.Kind switch
    {
        StoreKind.Postgresql => PostgresIncidentStore.Open(config.Store.ConnectionString!, clock),
        _ => SqliteIncidentStore.Open(config.Vigil.StorePath, clock),
    };

    /// <summary>Where the store is, for status: the SQLite file's full path, or postgresql://host:port/database (never the connection string).</summary>
    public static string Describe(VigilConfig config) => config.Store.Kind switch
    {
        StoreKind.Postgresql => PostgresTarget.Of(config.Store.ConnectionString!).Location,
        _ => Path.GetFullPath(config.Vigil.StorePath),
    };
}
