namespace Vigil.Collectors.Text.Files;

/// <summary>
/// Pairs the files on disk with the files in the checkpoint. Same inode and same first bytes is the same file (it may have
/// been renamed). Failing that, same first bytes under another inode is the same content under another name: a copy
/// (copytruncate) or an archive (gzip, which may exist beside the file it was made from for a moment). Anything else is new.
/// </summary>
internal static class FileMatcher
{
    public static TrackedFile?[] Match(IReadOnlyList<(LogFile File, FileProbe Probe)> onDisk, IReadOnlyList<TrackedFile> known)
    {
        var result = new TrackedFile?[onDisk.Count];
        var taken = new HashSet<TrackedFile>();
        for (var i = 0; i < onDisk.Count; i++)
        {
            var (file, probe) = onDisk[i];
            result[i] = known.FirstOrDefault(k => !taken.Contains(k) && k.SameInodeAs(probe) && Continues(k, file, probe));
            if (result[i] is { } match)
            {
                taken.Add(match);
            }
        }

        for (var i = 0; i < onDisk.Count; i++)
        {
            var (file, probe) = onDisk[i];
            if (result[i] is null)
            {
                // An archive may share its record with the plain file it was made from; two plain files never do.
                result[i] = known.FirstOrDefault(k => (file.IsCompressed || !taken.Contains(k)) && Continues(k, file, probe));
                if (result[i] is { } match)
                {
                    taken.Add(match);
                }
            }
        }

        return result;
    }

    private static bool Continues(TrackedFile known, LogFile file, FileProbe probe) =>
        known.SameContentAs(probe) && (file.IsCompressed || probe.Size >= known.Offset);
}
