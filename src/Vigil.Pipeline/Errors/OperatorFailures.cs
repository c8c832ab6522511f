using Vigil.Core;
using Vigil.Storage;

namespace Vigil.Pipeline.Errors;

/// <summary>
/// Decides, at the CLI's and the API's boundary, whether a failure is one the operator can fix. Errors Vigil raises
/// itself already derive from <see cref="OperatorException"/>; the machine's own (a full disk, a read-only or damaged
/// store, a denied path) arrive as SQLite or I/O exceptions and are given their one line here. Anything else is internal.
/// </summary>
public static class OperatorFailures
{
    // errno ENOSPC on Linux and macOS; ERROR_DISK_FULL and ERROR_HANDLE_DISK_FULL as HRESULTs on Windows.
    private static readonly int[] DiskFullCodes = [28, unchecked((int)0x80070070), unchecked((int)0x80070027)];

    // errno EROFS; ERROR_WRITE_PROTECT on Windows.
    private static readonly int[] ReadOnlyCodes = [30, unchecked((int)0x80070013)];

    /// <summary>The operator error <paramref name="failure"/> stands for, or null when it is an internal error.</summary>
    public static OperatorException? Find(Exception failure)
    {
        for (var e = failure; e is not null; e = e.InnerException)
        {
            if (e is OperatorException known)
            {
                return known;
            }
        }

        if (StoreFailures.Describe(failure) is { } store)
        {
            return store;
        }

        for (var e = failure; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case IOException io when DiskFullCodes.Contains(io.HResult):
                    return new FileSystemException($"The disk is full ({OneLine(io.Message)}); nothing more was written. Free space on it, or set [vigil] data_dir / models_dir to a folder on another disk, and run again.", io);
                case IOException io when ReadOnlyCodes.Contains(io.HResult):
                    return new FileSystemException($"{OneLine(io.Message)}: the file or its file system is read-only. Make it writable for the user running Vigil, or set [vigil] data_dir / models_dir to a writable folder.", io);
                case UnauthorizedAccessException denied:
                    return new FileSystemException($"Access denied: {OneLine(denied.Message)} Run Vigil as a user that may write there, or change the path ([vigil] data_dir, models_dir, --output).", denied);
                case FileNotFoundException missing when missing.FileName is not null:
                    return new FileSystemException($"{missing.FileName}: no such file. Check the path.", missing);
                case DirectoryNotFoundException missingFolder:
                    return new FileSystemException($"{OneLine(missingFolder.Message)} Check the path.", missingFolder);
                case IOException io:
                    return new FileSystemException($"I/O error: {OneLine(io.Message)}", io);
            }
        }

        return null;
    }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ").Trim();
}
