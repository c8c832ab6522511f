namespace Vigil.TestSupport;

/// <summary>The tests that share one <see cref="PostgresServer"/> per run: mark a class <c>[Collection(PostgresCollection.Name)]</c> and take the server in its constructor.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "postgres";
}
