namespace Vigil.Pipeline.Configuration;

/// <summary>The engine of Vigil's store (<c>[store] kind</c>).</summary>
public enum StoreKind
{
    Sqlite,
    Postgresql,
}
