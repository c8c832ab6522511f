using Vigil.Cli.Tests.Support;

namespace Vigil.Cli.Tests.Invocation;

/// <summary>
/// What the machine does to the store (fills the disk, makes it read-only, damages its pages) or to the model file is
/// exit 2 and one line saying what to do, not a .NET stack trace. Full disks and read-only files are real: a tmpfs of
/// 300 KiB and a read-only bind mount, in a mount namespace of the vigil process only.
/// </summary>
public sealed class StoreFailureTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("vigil-store-failure-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task AFullDiskIsOneLineSayingToFreeSpace()
    {
        EventsCsv.Write(Path.Combine(_dir, "ev.csv"));
        Directory.CreateDirectory(Path.Combine(_dir, "small"));
        File.WriteAllText(Path.Combine(_dir, "small.ini"), "[vigil]\ndata_dir = small/data\nmodels_dir = small/models\n");

        var result = await VigilProcess.RunWithMountsAsync(_dir, "mount -t tmpfs -o size=300k tmpfs small",
            "setup", "--config", "small.ini", "--source", "file:ev.csv", "--now", EventsCsv.WeekEnd);

        AssertOperatorError(result, "is full", "Free space");
    }

    [Fact]
    public async Task AReadOnlyStoreFileIsOneLineSayingToMakeItWritable()
    {
        await SetUpAsync();

        var result = await VigilProcess.RunWithMountsAsync(_dir, "mount --bind data/vigil.db data/vigil.db && mount -o remount,bind,ro data/vigil.db",
            "detect", "--source", "file:ev.csv");

        AssertOperatorError(result, "read-only", "writable");
    }

    [Fact]
    public async Task ADamagedStoreFileIsOneLineSayingToMoveItAsideAndSetUpAgain()
    {
        await SetUpAsync();
        var store = Path.Combine(_dir, "data", "vigil.db");
        using (var file = File.Open(store, FileMode.Open, FileAccess.ReadWrite))
        {
            // Every page but the first (the header and the schema): the tables themselves are unreadable.
            for (long page = 1; page * 4096 < file.Length; page++)
            {
                file.Position = (page * 4096) + 100;
                file.Write(Enumerable.Repeat((byte)0xde, 200).ToArray());
            }
        }

        var result = await VigilProcess.RunAsync(_dir, "detect", "--source", "file:ev.csv");

        AssertOperatorError(result, "is damaged", "vigil setup");
    }

    [Theory]
    [InlineData("Forest")]
    [InlineData("Vigil")]
    [InlineData("FeatureNames")]
    public async Task AModelFileWithANullSectionIsOneLineSayingToSetUpAgain(string section)
    {
        await SetUpAsync();
        var model = Path.Combine(_dir, "models", "vigil-model.json");
        var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(model))!.AsObject();
        Assert.True(json.ContainsKey(section), section);
        json[section] = null;
        File.WriteAllText(model, json.ToJsonString());

        var result = await VigilProcess.RunAsync(_dir, "detect", "--source", "file:ev.csv");

        AssertOperatorError(result, "vigil-model.json", "vigil setup");
    }

    private async Task SetUpAsync()
    {
        EventsCsv.Write(Path.Combine(_dir, "ev.csv"));
        var setup = await VigilProcess.RunAsync(_dir, "setup", "--source", "file:ev.csv", "--now", EventsCsv.WeekEnd);
        Assert.True(setup.ExitCode == 0, setup.Error);
    }

    private static void AssertOperatorError(VigilProcess.Result result, params string[] expected)
    {
        Assert.Equal(2, result.ExitCode);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", result.Error, StringComparison.Ordinal);
        var last = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1];
        Assert.All(expected, e => Assert.Contains(e, last, StringComparison.Ordinal));
    }
}
