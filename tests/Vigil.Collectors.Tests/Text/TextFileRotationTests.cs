using System.IO.Compression;
using Vigil.Collectors.Tests.Support;
using Vigil.Collectors.Text;
using Vigil.Storage;

namespace Vigil.Collectors.Tests.Text;

public sealed class TextFileRotationTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly LogWriter _writer = new();
    private readonly SqliteEventStore _store;
    private readonly TextFileSource _source;

    public TextFileRotationTests()
    {
        _store = SqliteEventStore.Open(_dir.File("vigil.db"));
        _source = TextFileSource.Create("text:" + Log)!;
    }

    private string Log => _dir.File("app.log");

    [Fact]
    public async Task RenameAndCreateLosesNothingAndDuplicatesNothing()
    {
        _writer.Append(Log, 100);
        await SourceDrain.IngestOnceAsync(_source, _store);
        _writer.Append(Log, 50);

        // logrotate's default: the writer's file becomes app.log.1, it keeps writing there until reopened.
        File.Move(Log, Log + ".1");
        _writer.Append(Log + ".1", 10);
        _writer.Append(Log, 20);
        await SourceDrain.IngestOnceAsync(_source, _store);
        _writer.Append(Log, 5);
        await SourceDrain.IngestOnceAsync(_source, _store);

        await AssertStoredExactlyWhatWasWrittenAsync();
    }

    [Fact]
    public async Task CopyTruncateLosesNothingAndDuplicatesNothing()
    {
        _writer.Append(Log, 100);
        await SourceDrain.IngestOnceAsync(_source, _store);
        _writer.Append(Log, 30);

        File.Copy(Log, Log + ".1");
        using (new FileStream(Log, FileMode.Truncate, FileAccess.Write, FileShare.ReadWrite))
        {
        }

        _writer.Append(Log, 40);
        await SourceDrain.IngestOnceAsync(_source, _store);
        _writer.Append(Log, 3);
        await SourceDrain.IngestOnceAsync(_source, _store);

        await AssertStoredExactlyWhatWasWrittenAsync();
    }

    [Fact]
    public async Task GzippingTheRotatedFileBeforeItWasFullyReadLosesNothingAndDuplicatesNothing()
    {
        _writer.Append(Log, 100);
        await SourceDrain.IngestOnceAsync(_source, _store);
        _writer.Append(Log, 60);
        File.Move(Log, Log + ".1");
        _writer.Append(Log, 10);

        // Compressed and removed before the source looked again: the 60 unread lines exist only in the archive now.
        Gzip(Log + ".1", Log + ".1.gz");
        File.Delete(Log + ".1");
        await SourceDrain.IngestOnceAsync(_source, _store);
        await SourceDrain.IngestOnceAsync(_source, _store);

        await AssertStoredExactlyWhatWasWrittenAsync();
    }

    [Fact]
    public async Task RotatedSiblingsPresentAtFirstStartAreReadOnce()
    {
        _writer.Append(Log + ".2", 10);
        Gzip(Log + ".2", Log + ".2.gz");
        File.Delete(Log + ".2");
        File.SetLastWriteTimeUtc(Log + ".2.gz", DateTime.UtcNow.AddDays(-2));
        _writer.Append(Log + ".1", 10);
        File.SetLastWriteTimeUtc(Log + ".1", DateTime.UtcNow.AddDays(-1));
        _writer.Append(Log, 10);

        var first = await SourceDrain.IngestOnceAsync(_source, _store);
        var second = await SourceDrain.IngestOnceAsync(_source, _store);

        Assert.Equal((30, 0), (first, second));
        await AssertStoredExactlyWhatWasWrittenAsync();
    }

    [Fact]
    public async Task AHalfWrittenLastLineWaitsForItsNewline()
    {
        _writer.Append(Log, 2);
        await File.AppendAllTextAsync(Log, LogWriter.Line(3).TrimEnd('\n')[..30]);

        var before = await SourceDrain.IngestOnceAsync(_source, _store);
        await File.AppendAllTextAsync(Log, LogWriter.Line(3).TrimEnd('\n')[30..] + "\n");
        var after = await SourceDrain.IngestOnceAsync(_source, _store);

        Assert.Equal((2, 1), (before, after));
        var stored = await SourceDrain.StoredAsync(_store, _source.Name);
        Assert.Equal("line 3", stored.OrderBy(e => e.TimeCreated).Last().Message);
    }

    public void Dispose()
    {
        _store.Dispose();
        _dir.Dispose();
    }

    private static void Gzip(string from, string to)
    {
        using var input = File.OpenRead(from);
        using var output = new GZipStream(File.Create(to), CompressionLevel.Fastest);
        input.CopyTo(output);
    }

    private async Task AssertStoredExactlyWhatWasWrittenAsync()
    {
        var stored = await SourceDrain.StoredAsync(_store, _source.Name);
        Assert.Equal(_writer.ExpectedMessages().Order(StringComparer.Ordinal), stored.Select(e => e.Message!).Order(StringComparer.Ordinal));
    }
}
