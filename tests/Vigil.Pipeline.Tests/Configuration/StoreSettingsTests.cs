using Vigil.Pipeline.Configuration;

namespace Vigil.Pipeline.Tests.Configuration;

public sealed class StoreSettingsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("vigil-config-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void WithoutAStoreSectionTheStoreIsSqliteInTheDataFolder()
    {
        var config = ConfigLoader.Load(Ini("[vigil]\ndata_dir = state\n"));

        Assert.Equal(StoreSettings.Default, config.Store);
        Assert.Equal(Path.GetFullPath(Path.Combine("state", "vigil.db")), StoreOpener.Describe(config));
    }

    [Fact]
    public void APostgresqlStoreIsReadWithItsRetentionAndDescribedWithoutItsPassword()
    {
        var config = ConfigLoader.Load(Ini("[store]\nkind = postgresql\nconnection_string = Host=db1;Port=6432;Username=vigil;Password=pw-in-file;Database=fleet\nretention_days = 30\n"));

        Assert.Equal((StoreKind.Postgresql, 30), (config.Store.Kind, config.Store.RetentionDays));
        Assert.Equal("postgresql://db1:6432/fleet", StoreOpener.Describe(config));
        Assert.DoesNotContain("pw-in-file", config.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void PostgresqlWithoutAConnectionStringNamesBothPlacesToSetIt()
    {
        var error = Assert.Throws<ConfigException>(() => ConfigLoader.Load(Ini("[store]\nkind = postgresql\n")));

        Assert.Contains("[store] kind = postgresql needs connection_string", error.Message, StringComparison.Ordinal);
        Assert.Contains("VIGIL_STORE__CONNECTION_STRING", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheConnectionStringMayComeFromTheEnvironment()
    {
        Environment.SetEnvironmentVariable("VIGIL_STORE__CONNECTION_STRING", "Host=db2;Username=vigil;Password=env-secret;Database=vigil");
        try
        {
            var config = ConfigLoader.Load(Ini("[store]\nkind = postgresql\n"));

            Assert.Equal("postgresql://db2:5432/vigil", StoreOpener.Describe(config));
            Assert.Contains("env-secret", config.Store.ConnectionString, StringComparison.Ordinal);
            Assert.DoesNotContain("env-secret", config.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable("VIGIL_STORE__CONNECTION_STRING", null);
        }
    }

    [Theory]
    [InlineData("[store]\nkind = mysql\n", "[store] kind = 'mysql' is not a store kind (sqlite or postgresql)")]
    [InlineData("[store]\nretention_days = -1\n", "[store] retention_days = '-1' must be between 0 and 36500")]
    public void ABadStoreSettingIsNamed(string ini, string expected)
    {
        var error = Assert.Throws<ConfigException>(() => ConfigLoader.Load(Ini(ini)));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AMistypedStoreKeyIsWarnedAbout()
    {
        var warnings = new List<string>();

        ConfigLoader.Load(Ini("[store]\nconection_string = Host=x\n"), warnings.Add);

        Assert.Contains(warnings, w => w.Contains("[store] unknown key 'conection_string' (did you mean 'connection_string'?)", StringComparison.Ordinal));
    }

    private string Ini(string text)
    {
        var path = Path.Combine(_dir, "config.ini");
        File.WriteAllText(path, text);
        return path;
    }
}
