using Vigil.Collectors;

namespace Vigil.Collectors.Tests;

public sealed class SourceFactoryTests
{
    [Fact]
    public void AnUnknownKindIsRefusedWithTheKindsThatExist()
    {
        var error = Assert.Throws<SourceException>(() => SourceFactory.Create("ftp:somewhere"));

        Assert.Contains("'ftp:somewhere' is not understood", error.Message);
        Assert.Contains("file:PATH", error.Message);
    }

    [Fact]
    public void AFileSpecWithoutAPathIsRefused()
    {
        var error = Assert.Throws<SourceException>(() => SourceFactory.Create("file:"));

        Assert.Contains("needs a path", error.Message);
    }

    [Fact]
    public void WindowsChannelsAreLiveSourcesThatOutsideWindowsFailWithAHintInsteadOfCrashing()
    {
        var source = SourceFactory.Create("eventlog:System");

        Assert.True(source.IsLive);
        if (!OperatingSystem.IsWindows())
        {
            var error = Assert.Throws<SourceException>(() => source.ReadAsync(SourceReadOptions.Everything, CancellationToken.None));
            Assert.Contains("only be read live on Windows", error.Message);
        }
    }

    [Fact]
    public void SeveralSpecsAreSplitOnCommas()
    {
        Assert.Equal(["eventlog:System", "eventlog:Application"], SourceFactory.SplitSpecs(" eventlog:System , eventlog:Application "));
    }
}
