using Vigil.Pipeline.Fleet;

namespace Vigil.Pipeline.Tests.Fleet;

public sealed class ScopeModelPathTests
{
    private static readonly string Models = Path.Combine(Path.GetTempPath(), "models");

    [Fact]
    public void APlainSourceNameIsTheFileName() =>
        Assert.Equal(Path.Combine(Models, "hosts", "web01", "syslog.json"), ScopeModelPath.For(Models, "host:web01/syslog"));

    [Theory]
    [InlineData("host:web01/../../../etc/passwd")]
    [InlineData("host:web01/..")]
    [InlineData("host:web01/a/b\\c")]
    [InlineData("host:web01/eventlog:Security")]
    public void ASourceFromTheWireNeverLeavesItsHostFolder(string stored)
    {
        var path = Path.GetFullPath(ScopeModelPath.For(Models, stored));

        Assert.Equal(Path.Combine(Models, "hosts", "web01"), Path.GetDirectoryName(path));
        Assert.DoesNotContain("..", Path.GetFileName(path));
    }

    [Fact]
    public void SourcesThatDifferOnlyInCaseOrPunctuationGetTheirOwnFiles()
    {
        string[] sources = ["host:web01/otlp", "host:web01/Otlp", "host:web01/eventlog:Security", "host:web01/eventlog_Security", "host:web01/eventlog/Security"];

        var files = sources.Select(s => ScopeModelPath.For(Models, s).ToLowerInvariant()).ToList();

        Assert.Equal(sources.Length, files.Distinct().Count());
    }

    [Theory]
    [InlineData("file:/var/log/syslog")]
    [InlineData("host:../x/syslog")]
    [InlineData("host:Web01/syslog")]
    public void ANameThatIsNotAHostScopeIsRefused(string stored) =>
        Assert.Throws<ArgumentException>(() => ScopeModelPath.For(Models, stored));
}
