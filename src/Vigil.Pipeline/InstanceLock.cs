namespace Vigil.Pipeline;

/// <summary>
/// One <c>vigil serve</c> or <c>vigil watch</c> per data directory (and one <c>vigil forward</c> per <c>{data_dir}/forward</c>): a lock file held open with no sharing (an flock on Unix) for the
/// life of the server. The lock goes away with the process, so a crash never leaves a stale lock behind.
/// </summary>
public sealed class InstanceLock : IDisposable
{
    public const string FileName = "vigil.lock";

    private readonly FileStream _stream;

    private InstanceLock(FileStream stream) => _stream = stream;

    public static InstanceLock Acquire(string dataDir)
    {
        Storage.PrivateFiles.CreateDirectory(dataDir);
        var path = Path.Combine(Path.GetFullPath(dataDir), FileName);
        try
        {
            var stream = new FileStream(path, Storage.PrivateFiles.Options(FileMode.OpenOrCreate, FileAccess.ReadWrite));
            stream.SetLength(0);
            var pid = System.Text.Encoding.ASCII.GetBytes(Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
            stream.Write(pid);
            stream.Flush();
            return new InstanceLock(stream);
        }
        catch (IOException ex)
        {
            throw new InstanceLockException($"Another vigil serve, watch or forward is already running on the data directory {Path.GetDirectoryName(path)} (lock file {path} is held); stop it first or use another [vigil] data_dir.", ex);
        }
    }

    public void Dispose() => _stream.Dispose();
}
