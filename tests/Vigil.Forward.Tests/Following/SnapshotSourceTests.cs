using Vigil.Collectors;
using Vigil.Collectors.Tests.Support;
using Vigil.Forward.Tests.Support;

namespace Vigil.Forward.Tests.Following;

public sealed class SnapshotSourceTests
{
    [Fact]
    public async Task AnEvtxFolderIsPushedWholeThenOnlyTheFileThatArrives()
    {
        using var dir = new TempDirectory();
        var folder = Folder(dir, "security.evtx", "system.evtx");
        var source = SourceFactory.Create("evtx:" + folder);
        var sender = new RecordingSender();
        var run = new ForwardRun(dir.File("state"), sender, source);

        var first = await run.OnceAsync();
        var unchanged = await run.OnceAsync();
        File.Copy(Shared("new-user-security.evtx"), Path.Combine(folder, "new-user-security.evtx"));
        var arrived = await run.OnceAsync();

        Assert.Equal(await CountAsync("evtx:" + Shared("security.evtx")) + await CountAsync("evtx:" + Shared("system.evtx")), first.Read);
        Assert.Equal(0, unchanged.Read);
        Assert.Equal(await CountAsync("evtx:" + Shared("new-user-security.evtx")), arrived.Read);
        Assert.Equal(await CountAsync("evtx:" + folder), sender.Stored);
    }

    [Fact]
    public async Task AChangedFileIsReadAgainAndARemovedOneIsForgotten()
    {
        using var dir = new TempDirectory();
        var folder = Folder(dir, "security.evtx", "system.evtx");
        var run = new ForwardRun(dir.File("state"), new RecordingSender(), SourceFactory.Create("evtx:" + folder));
        await run.OnceAsync();

        // An export overwritten with a newer capture: only that file is read again.
        File.Copy(Shared("post-Security.evtx"), Path.Combine(folder, "security.evtx"), overwrite: true);
        File.SetLastWriteTimeUtc(Path.Combine(folder, "security.evtx"), DateTime.UtcNow.AddMinutes(1));
        var changed = await run.OnceAsync();
        File.Delete(Path.Combine(folder, "security.evtx"));
        var removed = await run.OnceAsync();

        Assert.Equal(await CountAsync("evtx:" + Shared("post-Security.evtx")), changed.Read);
        Assert.Equal(0, removed.Read);
        var checkpoint = FileCheckpoint(run);
        Assert.Single(checkpoint.Split(',')); // system.evtx only
    }

    [Fact]
    public async Task ADamagedFileInAFolderIsWarnedAndSkippedAndTheOthersArePushed()
    {
        using var dir = new TempDirectory();
        var folder = Folder(dir, "system.evtx");
        File.WriteAllBytes(Path.Combine(folder, "broken.evtx"), new byte[4096]);
        var sender = new RecordingSender();
        var run = new ForwardRun(dir.File("state"), sender, SourceFactory.Create("evtx:" + folder));

        var first = await run.OnceAsync();
        var again = await run.OnceAsync();

        Assert.Equal(await CountAsync("evtx:" + Shared("system.evtx")), first.Read);
        Assert.Equal(0, again.Read);
        Assert.Contains(run.Log, l => l.Contains("broken.evtx", StringComparison.Ordinal) && l.Contains("skipped", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ACheckpointFromAnOlderAgentReadsEveryFileOnceMoreAndStoresNothingTwice()
    {
        using var dir = new TempDirectory();
        var folder = Folder(dir, "security.evtx");
        var sender = new RecordingSender();
        var run = new ForwardRun(dir.File("state"), sender, SourceFactory.Create("evtx:" + folder));
        await run.OnceAsync();
        var checkpoints = Directory.GetFiles(run.StateDir, "*", SearchOption.AllDirectories).Single(f => File.ReadAllText(f).Contains("files2:", StringComparison.Ordinal));
        File.WriteAllText(checkpoints, File.ReadAllText(checkpoints).Replace("files2:", "files:", StringComparison.Ordinal));

        var again = await run.OnceAsync();

        Assert.Equal(await CountAsync("evtx:" + folder), again.Read);
        Assert.Equal(await CountAsync("evtx:" + folder), sender.Stored);
    }

    private static string Shared(string name) => Path.Combine(SharedData.Directory, "evtx", name);

    private static string Folder(TempDirectory dir, params string[] files)
    {
        var folder = Directory.CreateDirectory(dir.File("logs")).FullName;
        foreach (var file in files)
        {
            File.Copy(Shared(file), Path.Combine(folder, file));
        }

        return folder;
    }

    private static string FileCheckpoint(ForwardRun run)
    {
        var text = Directory.GetFiles(run.StateDir, "*", SearchOption.AllDirectories).Select(File.ReadAllText).Single(t => t.Contains("files2:", StringComparison.Ordinal));
        var start = text.IndexOf("files2:", StringComparison.Ordinal) + "files2:".Length;
        var end = start;
        while (end < text.Length && (char.IsAsciiHexDigit(text[end]) || text[end] is ':' or ','))
        {
            end++;
        }

        return text[start..end];
    }

    private static async Task<int> CountAsync(string spec)
    {
        var count = 0;
        await foreach (var _ in SourceFactory.Create(spec).ReadAsync(SourceReadOptions.Everything, CancellationToken.None))
        {
            count++;
        }

        return count;
    }
}
