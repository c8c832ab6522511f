using System.Globalization;
using Vigil.Core.Events;

namespace Vigil.Forward.Spool;

/// <summary>
/// The forwarder's disk buffer: every batch read from a source is written here first and deleted only once the server
/// acknowledged it, so neither a server outage nor the forwarder's own restart loses what was read. Batches are kept
/// in the order they were read (one file each, named by sequence); the size is accounted so the caller can bound it.
/// </summary>
internal sealed class BatchSpool
{
    private readonly object _gate = new();
    private readonly string _dir;
    private readonly SortedList<long, SpoolEntry> _entries = [];
    private long _bytes;
    private long _next;
    private long _inFlight = -1;

    private BatchSpool(string dir) => _dir = dir;

    public long Bytes
    {
        get
        {
            lock (_gate)
            {
                return _bytes;
            }
        }
    }

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>Opens (creating) the spool folder, drops half-written files and indexes the batches a previous run left.</summary>
    public static BatchSpool Open(string dir, Action<string> warn)
    {
        try
        {
            Directory.CreateDirectory(dir);
            var spool = new BatchSpool(dir);
            foreach (var partial in Directory.EnumerateFiles(dir, "*" + SpoolFile.TemporaryExtension))
            {
                File.Delete(partial);
            }

            foreach (var path in Directory.EnumerateFiles(dir, "*" + SpoolFile.Extension))
            {
                if (!long.TryParse(Path.GetFileNameWithoutExtension(path), NumberStyles.None, CultureInfo.InvariantCulture, out var sequence))
                {
                    continue;
                }

                try
                {
                    spool.Add(SpoolFile.ReadEntry(path, sequence));
                }
                catch (Exception ex) when (ex is InvalidDataException or IOException or System.Text.Json.JsonException)
                {
                    warn(spool.Quarantine(path, ex.Message));
                }

                spool._next = Math.Max(spool._next, sequence + 1);
            }

            return spool;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ForwardException($"spool folder {dir}: {ex.Message}; point [vigil] data_dir at a folder vigil can write", ex);
        }
    }

    /// <summary>The checkpoint after the newest spooled batch of <paramref name="source"/>: where reading it resumes.</summary>
    public string? NewestCheckpoint(string source)
    {
        lock (_gate)
        {
            for (var i = _entries.Count - 1; i >= 0; i--)
            {
                if (_entries.Values[i].Source == source)
                {
                    return _entries.Values[i].Checkpoint;
                }
            }

            return null;
        }
    }

    public SpoolEntry Append(string source, string checkpoint, IReadOnlyList<LogEvent> events)
    {
        lock (_gate)
        {
            var sequence = _next++;
            var path = Path.Combine(_dir, sequence.ToString("D19", CultureInfo.InvariantCulture) + SpoolFile.Extension);
            var bytes = SpoolFile.Write(path, new ForwardBatch(sequence, source, checkpoint, events));
            var entry = new SpoolEntry(sequence, source, checkpoint, events.Count, bytes, path);
            Add(entry);
            return entry;
        }
    }

    /// <summary>The oldest batch, marked in flight so <see cref="DropOldest"/> leaves it alone while it is being sent.</summary>
    public SpoolEntry? TakeOldest()
    {
        lock (_gate)
        {
            if (_entries.Count == 0)
            {
                return null;
            }

            var oldest = _entries.Values[0];
            _inFlight = oldest.Sequence;
            return oldest;
        }
    }

    /// <summary>Deletes an acknowledged (or dropped) batch.</summary>
    public void Remove(SpoolEntry entry)
    {
        lock (_gate)
        {
            Unindex(entry);
            File.Delete(entry.Path);
        }
    }

    /// <summary>Deletes the oldest batch not being sent, to make room; null when there is none.</summary>
    public SpoolEntry? DropOldest()
    {
        lock (_gate)
        {
            var victim = _entries.Values.FirstOrDefault(e => e.Sequence != _inFlight);
            if (victim is not null)
            {
                Remove(victim);
            }

            return victim;
        }
    }

    /// <summary>Moves an unreadable batch aside (kept for a person to look at, never resent) and says so.</summary>
    public string Quarantine(string path, string reason)
    {
        lock (_gate)
        {
            var entry = _entries.Values.FirstOrDefault(e => e.Path == path);
            if (entry is not null)
            {
                Unindex(entry);
            }

            if (File.Exists(path))
            {
                File.Move(path, path + ".bad", overwrite: true);
            }

            return $"spool: {Path.GetFileName(path)} cannot be read ({reason}); moved aside as {Path.GetFileName(path)}.bad and not sent";
        }
    }

    private void Unindex(SpoolEntry entry)
    {
        if (_entries.Remove(entry.Sequence))
        {
            _bytes -= entry.Bytes;
        }

        if (_inFlight == entry.Sequence)
        {
            _inFlight = -1;
        }
    }

    private void Add(SpoolEntry entry)
    {
        _entries.Add(entry.Sequence, entry);
        _bytes += entry.Bytes;
    }
}
