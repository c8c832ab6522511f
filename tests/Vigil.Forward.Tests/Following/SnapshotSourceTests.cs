using Vigil.Collectors;
using Vigil.Collectors.Tests.Support;
using Vigil.Forward.Tests.Support;

namespace Vigil.Forward.Tests.Following;

public sealed class SnapshotSourceTests
{
    [Fact]
    public async Task AnEvtxFolderIsPushedWholeAndAgainWhenAFileArrives()
    {
        using var dir = new TempDirectory();
        var folder = Directory.CreateDirectory(dir.File("logs")).FullName;
        File.Copy(Path.Combine(SharedData.Directory, "evtx", "security.evtx"), Path.Combine(folder, "security.evtx"));
        var source = SourceFactory.Create("evtx:" + folder);
        var sender = new RecordingSender();
        var run = new ForwardRun(dir.File("state"), sender, source);

        var first = await run.OnceAsync();
        var unchanged = await run.OnceAsync();
        File.Copy(Path.Combine(SharedData.Directory, "evtx", "new-user-security.evtx"), Path.Combine(folder, "new-user-security.evtx"));
        await run.OnceAsync();

        var expected = 0;
        await foreach (var _ in SourceFactory.Create("evtx:" + folder).ReadAsync(SourceReadOptions.Everything, CancellationToken.None))
        {
            expected++;
        }

        Assert.True(first.Read > 0);
        Assert.Equal(0, unchanged.Read);
        Assert.Equal(expected, sender.Stored);
        Assert.True(expected > first.Read, "the second file added events");
    }
}
