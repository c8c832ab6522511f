namespace Vigil.Storage;

/// <summary>
/// Creates the files and folders that hold log-derived data or secrets (store, model, lock, generated API key) readable
/// by their owner only: 0600 files and 0700 folders on Unix, whatever the umask. On Windows they inherit the ACL of
/// the data folder (see README, "Security"); nothing is changed there.
/// </summary>
public static class PrivateFiles
{
    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public const UnixFileMode DirectoryMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>Creates the folder (and missing parents) as 0700; an existing folder is left as the operator made it.</summary>
    public static void CreateDirectory(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
            return;
        }

        // .NET gives only the last folder the mode; missing parents (models/ of models/x.history) would get 0777 & umask.
        var parent = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(parent) && !Directory.Exists(parent))
        {
            CreateDirectory(parent);
        }

        Directory.CreateDirectory(path, DirectoryMode);
    }

    /// <summary>Creates the parent folder of <paramref name="file"/> as <see cref="CreateDirectory"/> does.</summary>
    public static void CreateParent(string file)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(file));
        if (!string.IsNullOrEmpty(directory))
        {
            CreateDirectory(directory);
        }
    }

    /// <summary>Options for a <see cref="FileStream"/> that creates the file as 0600 (an existing file keeps its mode).</summary>
    public static FileStreamOptions Options(FileMode mode, FileAccess access, FileShare share = FileShare.None)
    {
        var options = new FileStreamOptions { Mode = mode, Access = access, Share = share };
        if (!OperatingSystem.IsWindows() && mode != System.IO.FileMode.Open)
        {
            options.UnixCreateMode = FileMode;
        }

        return options;
    }

    /// <summary>
    /// Creates <paramref name="path"/> empty as 0600 unless it exists, so a library that creates it next (SQLite) finds it
    /// private. An existing file is not opened: whether it can be used is for that library to say.
    /// </summary>
    public static void EnsureFile(string path)
    {
        if (File.Exists(path))
        {
            return;
        }

        try
        {
            using var stream = new FileStream(path, Options(System.IO.FileMode.CreateNew, FileAccess.Write, FileShare.ReadWrite));
        }
        catch (IOException) when (File.Exists(path))
        {
            // Created by someone else in between: theirs stands.
        }
    }
}
