using Vigil.Core.Events;
using Vigil.Otlp.Mapping;

namespace Vigil.Otlp.Tests.Mapping;

public sealed class OtlpSeverityTests
{
    [Theory]
    [InlineData(1, LevelMapping.Verbose)]
    [InlineData(5, LevelMapping.Verbose)]
    [InlineData(8, LevelMapping.Verbose)]
    [InlineData(9, LevelMapping.Information)]
    [InlineData(12, LevelMapping.Information)]
    [InlineData(13, LevelMapping.Warning)]
    [InlineData(16, LevelMapping.Warning)]
    [InlineData(17, LevelMapping.Error)]
    [InlineData(20, LevelMapping.Error)]
    [InlineData(21, LevelMapping.Critical)]
    [InlineData(24, LevelMapping.Critical)]
    public void EachSeverityNumberRangeMapsToItsWindowsLevel(int number, int level) =>
        Assert.Equal(level, OtlpSeverity.ToLevel(number, "ignored when the number is set"));

    [Theory]
    [InlineData("ERROR", LevelMapping.Error)]
    [InlineData("warn", LevelMapping.Warning)]
    [InlineData("Critical", LevelMapping.Critical)]
    [InlineData("debug", LevelMapping.Verbose)]
    [InlineData("LogAlways", LevelMapping.LogAlways)]
    public void AnUnsetNumberFallsBackToTheSeverityText(string text, int level) =>
        Assert.Equal(level, OtlpSeverity.ToLevel(0, text));

    [Theory]
    [InlineData(0, null)]
    [InlineData(0, "")]
    [InlineData(0, "loud")]
    [InlineData(99, null)]
    public void WithoutAUsableNumberOrTextARecordIsInformation(int number, string? text) =>
        Assert.Equal(LevelMapping.Information, OtlpSeverity.ToLevel(number, text));

    [Theory]
    [InlineData(LevelMapping.Critical)]
    [InlineData(LevelMapping.Error)]
    [InlineData(LevelMapping.Warning)]
    [InlineData(LevelMapping.Information)]
    [InlineData(LevelMapping.Verbose)]
    public void TheNumberALevelIsSentAsMapsBackToIt(int level) =>
        Assert.Equal(level, OtlpSeverity.ToLevel(OtlpSeverity.ToSeverityNumber(level), null));
}
