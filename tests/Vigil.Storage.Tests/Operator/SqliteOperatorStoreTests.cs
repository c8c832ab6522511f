using Vigil.Storage.Operator;
using Vigil.Storage.Tests.Contract;

namespace Vigil.Storage.Tests.Operator;

/// <summary>The operator contract on the SQLite engine: the instance's own file.</summary>
public sealed class SqliteOperatorStoreTests : OperatorStoreContract, IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("vigil-op-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    protected override IOperatorStore Open() => SqliteOperatorStore.Open(Path.Combine(_dir, "vigil.db"), Clock);
}
