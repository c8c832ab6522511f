using Vigil.Core.Detection;
using Vigil.Pipeline.Configuration;

namespace Vigil.Pipeline.Tests.Configuration;

public sealed class WatchEventsSettingTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("vigil-watch-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void WatchEventsAndRareKindCountAreRead()
    {
        var config = ConfigLoader.Load(Ini("[detection]\nwatch_events = Service Control Manager/7040=medium, MyApp/1000 = HIGH\nrare_kind_count = 5"));

        Assert.Equal(5, config.Detection.RareKindCount);
        Assert.Equal(
            [("Service Control Manager", 7040L, AnomalySeverity.Medium), ("MyApp", 1000L, AnomalySeverity.High)],
            config.Detection.WatchEvents!.Select(e => (e.Provider, e.EventId, e.Severity)));
    }

    [Theory]
    [InlineData("MyApp/1000=urgent")]
    [InlineData("1000=high")]
    [InlineData("MyApp/x=high")]
    public void ABadEntryStopsWithOneLineNamingIt(string entry)
    {
        var path = Ini($"[detection]\nwatch_events = MyApp/1=low, {entry}");

        var error = Assert.Throws<ConfigException>(() => ConfigLoader.Load(path));

        Assert.Contains($"[detection] watch_events = '{entry}' is not Provider/EventId=severity", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    private string Ini(string text)
    {
        var path = Path.Combine(_dir, "config.ini");
        File.WriteAllText(path, text);
        return path;
    }
}
