using Vigil.Collectors;
using Vigil.Pipeline.Configuration;

namespace Vigil.Pipeline.Tests.Configuration;

public sealed class FormatsSettingTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("vigil-formats-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task AFormatGivenForAFileNameReadsThatFileOfATextSource()
    {
        var log = Path.Combine(_dir, "odd.log");
        File.WriteAllLines(log, ["node7 ~ 2026-03-01 ~ 10:00:00 ~ job 1 done", "node8 ~ 2026-03-01 ~ 11:30:00 ~ job 2 done"]);
        var config = Load($"[vigil]\nsource = text:{log}\n[formats]\nodd.log = <Host> ~ <Date> ~ <Time> ~ <Content>\n");
        using var context = new VigilContext(config);

        var events = new List<Core.Events.LogEvent>();
        await foreach (var e in context.Sources(null)[0].ReadAsync(new SourceReadOptions(), CancellationToken.None))
        {
            events.Add(e);
        }

        Assert.Equal("<Host> ~ <Date> ~ <Time> ~ <Content>", config.Vigil.Formats["odd.log"]);
        Assert.Equal(["job 1 done", "job 2 done"], events.Select(e => e.Message));
        Assert.Equal(["node7", "node8"], events.Select(e => e.Computer));
        Assert.Equal(TimeSpan.FromMinutes(90), events[1].TimeCreated - events[0].TimeCreated);
    }

    [Fact]
    public void ABadFormatIsAnOperatorErrorNamingTheKey()
    {
        var config = Load($"[vigil]\nsource = text:{Path.Combine(_dir, "x.log")}\n[formats]\nx.log = <Host> <Content>\n");
        using var context = new VigilContext(config);

        var error = Assert.Throws<SourceException>(() => context.Sources(null));

        Assert.StartsWith("[formats] x.log: format '<Host> <Content>' needs a time field", error.Message, StringComparison.Ordinal);
    }

    private VigilConfig Load(string ini)
    {
        var path = Path.Combine(_dir, "config.ini");
        File.WriteAllText(path, ini);
        return ConfigLoader.Load(path);
    }
}
