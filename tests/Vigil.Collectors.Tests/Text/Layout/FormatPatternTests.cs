using Vigil.Collectors.Text.Layout;
using Vigil.Collectors.Text.Parsing;
using Vigil.Core.Events;

namespace Vigil.Collectors.Tests.Text.Layout;

public sealed class FormatPatternTests
{
    private static readonly LineContext Utc = new(new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc), TimeZoneInfo.Utc);

    [Theory]
    [InlineData("<Date> <Time> <Level> <Component>: <Content>")]
    [InlineData(@"^(?<Date>\S+) (?<Time>\S+) (?<Level>\w+) (?<Component>[^:]+): (?<Content>.*)$")]
    public void FieldNotationAndNamedGroupsGiveTimeLevelComponentAndMessage(string format)
    {
        var layout = LineLayout.Configured(format, "test");

        Assert.True(layout.TryParse("2026.03.04 05:06:07 WARN pool worker: queue at 90%", Utc, out var p));

        Assert.Equal(new DateTime(2026, 3, 4, 5, 6, 7, DateTimeKind.Utc), p.TimeUtc);
        Assert.Equal(LevelMapping.Warning, p.Level);
        Assert.Equal("pool worker", p.Provider);
        Assert.Equal("queue at 90%", p.Message);
    }

    [Fact]
    public void AnEpochTimestampFieldIsRead()
    {
        var layout = LineLayout.Configured("<Label> <Timestamp> <Node> <Content>", "test");

        Assert.True(layout.TryParse("- 1131566461 dn228 session closed", Utc, out var p));

        Assert.Equal(DateTime.UnixEpoch.AddSeconds(1131566461), p.TimeUtc);
        Assert.Equal("dn228", p.Host);
    }

    [Theory]
    [InlineData("<Host> <Content>")]
    [InlineData("(?<Date>[")]
    public void ABadFormatIsASourceErrorNamingWhereItCameFrom(string format)
    {
        var error = Assert.Throws<SourceException>(() => LineLayout.Configured(format, "[formats] odd.log"));

        Assert.StartsWith("[formats] odd.log: format '", error.Message, StringComparison.Ordinal);
    }
}
