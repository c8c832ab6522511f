using System.Text;
using Vigil.Api.Receivers.Syslog;

namespace Vigil.Api.Tests.Receivers.Syslog;

public sealed class SyslogFrameReaderTests
{
    [Fact]
    public async Task LfFramedMessagesAreSplitAtEachLineEnd()
    {
        var frames = await ReadAsync("<13>Mar  2 10:15:30 web01 app: one\r\n<13>Mar  2 10:15:31 web01 app: two\n\n<13>last without LF");

        Assert.Equal(["<13>Mar  2 10:15:30 web01 app: one", "<13>Mar  2 10:15:31 web01 app: two", "<13>last without LF"], frames);
    }

    [Fact]
    public async Task OctetCountedMessagesMayHoldLineBreaks()
    {
        var first = "<13>1 2026-03-02T10:15:30Z web01 app - - - two\nlines";
        var second = "<14>1 2026-03-02T10:15:31Z web01 app - - - next";

        var frames = await ReadAsync($"{Encoding.UTF8.GetByteCount(first)} {first}{Encoding.UTF8.GetByteCount(second)} {second}");

        Assert.Equal([first, second], frames);
    }

    [Fact]
    public async Task FramesSplitAcrossReadsAreReassembled()
    {
        var message = "<13>1 2026-03-02T10:15:30Z web01 app - - - é ü";
        var text = $"{Encoding.UTF8.GetByteCount(message)} {message}<13>plain line\n";

        var frames = await ReadAsync(text, oneByteAtATime: true);

        Assert.Equal([message, "<13>plain line"], frames);
    }

    [Fact]
    public async Task AnOversizedOctetCountedFrameIsSkippedAndTheNextOneRead()
    {
        var big = new string('x', 5000);
        var reader = new SyslogFrameReader(new MemoryStream(Encoding.UTF8.GetBytes($"5000 {big}3 abc<13>after\n")), maxFrameBytes: 1024);

        var frames = await CollectAsync(reader);

        Assert.Equal(["abc", "<13>after"], frames);
        Assert.Equal(1, reader.Dropped);
    }

    [Fact]
    public async Task AnOversizedLineIsSkippedWithoutBeingBufferedWhole()
    {
        var reader = new SyslogFrameReader(new MemoryStream(Encoding.UTF8.GetBytes($"<13>{new string('y', 200_000)}\n<13>after\n")), maxFrameBytes: 1024);

        var frames = await CollectAsync(reader);

        Assert.Equal(["<13>after"], frames);
        Assert.Equal(1, reader.Dropped);
    }

    [Fact]
    public async Task GarbageNeverThrows()
    {
        var random = new Random(42);
        var bytes = new byte[200_000];
        random.NextBytes(bytes);

        var frames = await CollectAsync(new SyslogFrameReader(new MemoryStream(bytes), maxFrameBytes: 4096));

        Assert.All(frames, f => Assert.True(f.Length <= 4096));
    }

    private static Task<List<string>> ReadAsync(string text, bool oneByteAtATime = false)
    {
        Stream stream = new MemoryStream(Encoding.UTF8.GetBytes(text));
        return CollectAsync(new SyslogFrameReader(oneByteAtATime ? new TrickleStream(stream) : stream, 64 * 1024));
    }

    private static async Task<List<string>> CollectAsync(SyslogFrameReader reader)
    {
        var frames = new List<string>();
        await foreach (var frame in reader.ReadAllAsync(CancellationToken.None))
        {
            frames.Add(frame);
        }

        return frames;
    }

    /// <summary>Hands out one byte per read, as a slow network might.</summary>
    private sealed class TrickleStream(Stream inner) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => inner.Length;

        public override long Position { get => inner.Position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, Math.Min(count, 1));

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            inner.ReadAsync(buffer[..Math.Min(buffer.Length, 1)], cancellationToken);

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
