using Vigil.Storage.Incidents;
using Vigil.Storage.Tests.Contract;

namespace Vigil.Storage.Tests.Incidents;

/// <summary>The incident contract on the SQLite engine: the instance's own file.</summary>
public sealed class SqliteIncidentStoreTests : IncidentStoreContract, IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("vigil-inc-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    protected override IIncidentStore Open() => SqliteIncidentStore.Open(Path.Combine(_dir, "vigil.db"), Clock);
}
