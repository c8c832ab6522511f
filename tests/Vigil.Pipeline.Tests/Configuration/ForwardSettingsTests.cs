using Vigil.Pipeline.Configuration;

namespace Vigil.Pipeline.Tests.Configuration;

public sealed class ForwardSettingsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("vigil-forward-settings-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void TheForwardSectionIsReadAndItsKeyNeverPrinted()
    {
        var config = ConfigLoader.Load(Ini("[forward]\nto = https://vigil.example:5000\nkey = s3cret-agent-key\nhost = dc01\nspool_mb = 64\nbatch_size = 500\n"));

        Assert.Equal(new ForwardSettings("https://vigil.example:5000", "s3cret-agent-key", "dc01", 64, 500), config.Forward);
        Assert.DoesNotContain("s3cret", config.ToString(), StringComparison.Ordinal);
        Assert.Empty(config.Warnings);
    }

    [Fact]
    public void WithoutTheSectionTheAgentHasNoServerAndTheDefaultBounds()
    {
        var config = ConfigLoader.Load(Ini("[vigil]\nsource = demo\n"));

        Assert.Equal(new ForwardSettings(null, null, null, 256, 1000), config.Forward);
    }

    [Theory]
    [InlineData("spool_mb = 0", "[forward] spool_mb = '0' must be between 1")]
    [InlineData("batch_size = lots", "[forward] batch_size = 'lots' is not a whole number")]
    [InlineData("to = vigil:5000", "[forward] to = 'vigil:5000' is not an http:// or https:// URL")]
    public void ABadValueStopsWithOneLineNamingTheKey(string line, string expected)
    {
        var error = Assert.Throws<ConfigException>(() => ConfigLoader.Load(Ini($"[forward]\n{line}\n")));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    private string Ini(string text)
    {
        var path = Path.Combine(_dir, "config.ini");
        File.WriteAllText(path, text);
        return path;
    }
}
