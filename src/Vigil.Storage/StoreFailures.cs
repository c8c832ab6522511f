using Microsoft.Data.Sqlite;

namespace Vigil.Storage;

/// <summary>
/// Turns what SQLite reports about the file under the store (full disk, read-only file, damaged pages) into the one
/// line an operator acts on. SQLite rolls the failed transaction back, so each message can promise nothing was lost.
/// </summary>
public static class StoreFailures
{
    private const int Busy = 5;
    private const int Locked = 6;
    private const int ReadOnly = 8;
    private const int IoError = 10;
    private const int Corrupt = 11;
    private const int Full = 13;
    private const int CantOpen = 14;
    private const int NotADatabase = 26;

    /// <summary>The store error <paramref name="failure"/> (or one of its inner exceptions) stands for, or null when it is not a SQLite failure.</summary>
    /// <param name="location">The store file, when the caller knows it.</param>
    public static StoreException? Describe(Exception failure, string? location = null)
    {
        for (var e = failure; e is not null; e = e.InnerException)
        {
            if (e is SqliteException sqlite)
            {
                return For(sqlite, location ?? "the store ([vigil] data_dir/vigil.db)");
            }
        }

        return null;
    }

    /// <summary>The store error for a SQLite failure on <paramref name="location"/> ("the store data/vigil.db").</summary>
    public static StoreException For(SqliteException failure, string location) =>
        new(Say(failure.SqliteErrorCode, location, failure.Message.TrimEnd('.')), failure);

    private static string Say(int code, string where, string sqlite) => code switch
    {
        Full => $"The disk holding {where} is full ({sqlite}); nothing was stored by this run. Free space on that disk, or set [vigil] data_dir to a folder on another one, and run again.",
        ReadOnly => $"{Capital(where)} cannot be written: the file or its file system is read-only ({sqlite}). Make the file and its folder writable for the user running Vigil, or set [vigil] data_dir to a writable folder.",
        Corrupt or NotADatabase => $"{Capital(where)} is damaged ({sqlite}). Move the file aside (keep it for recovery with 'sqlite3 FILE .recover') and run 'vigil setup' to build a new store from your sources.",
        CantOpen => $"{Capital(where)} cannot be opened ({sqlite}). Check that its folder exists and is writable for the user running Vigil, or set [vigil] data_dir.",
        IoError => $"The disk reported an I/O error on {where} ({sqlite}). Check the disk (dmesg, free space), then run again.",
        Busy or Locked => $"{Capital(where)} is locked by another process ({sqlite}). Wait for the other Vigil run to end, or stop it, and run again.",
        _ => $"{Capital(where)} failed ({sqlite}). Run again; if it persists, move the file aside and run 'vigil setup'.",
    };

    private static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
