using System.Text.Json;

namespace Vigil.Forward;

/// <summary>
/// Each source's checkpoint as far as the server acknowledged it, in one small JSON file replaced atomically. Together
/// with the spool it says where each source resumes: after its newest spooled batch, else here.
/// </summary>
internal sealed class AckedCheckpoints
{
    private readonly object _gate = new();
    private readonly string _path;
    private readonly Dictionary<string, string> _checkpoints;

    private AckedCheckpoints(string path, Dictionary<string, string> checkpoints)
    {
        _path = path;
        _checkpoints = checkpoints;
    }

    public static AckedCheckpoints Open(string path)
    {
        if (!File.Exists(path))
        {
            return new AckedCheckpoints(path, new Dictionary<string, string>(StringComparer.Ordinal));
        }

        try
        {
            var stored = JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(path));
            return new AckedCheckpoints(path, new Dictionary<string, string>(stored ?? [], StringComparer.Ordinal));
        }
        catch (JsonException ex)
        {
            throw new ForwardException($"{path}: is not the forwarder's checkpoint file ({ex.Message}); move it away to resend every source from its start (the server stores each event once)", ex);
        }
    }

    public string? Get(string source)
    {
        lock (_gate)
        {
            return _checkpoints.TryGetValue(source, out var checkpoint) ? checkpoint : null;
        }
    }

    /// <summary>Records an acknowledged checkpoint; on disk before this returns.</summary>
    public void Set(string source, string checkpoint)
    {
        lock (_gate)
        {
            if (_checkpoints.TryGetValue(source, out var current) && current == checkpoint)
            {
                return;
            }

            _checkpoints[source] = checkpoint;
            var temporary = _path + ".tmp";
            using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                JsonSerializer.Serialize(file, _checkpoints);
                file.Flush(flushToDisk: true);
            }

            File.Move(temporary, _path, overwrite: true);
        }
    }
}
