using System.IO.Hashing;
using System.Text;

namespace Vigil.Collectors.Evtx.Output;

/// <summary>
/// Turns UTF-8 text that repeats from record to record (data names, provider, channel, computer) into one shared
/// string: a direct-mapped cache by hash, so a hit costs a hash and a byte compare, no decoding and no new string.
/// A collision only evicts; the text returned is always the text given.
/// </summary>
internal sealed class Utf8Interner
{
    private const int Slots = 1024;
    private const int MaxBytes = 256;

    private readonly (byte[]? Key, string? Value)[] _slots = new (byte[]?, string?)[Slots];

    public string Get(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > MaxBytes)
        {
            return Encoding.UTF8.GetString(utf8);
        }

        ref var slot = ref _slots[(int)(XxHash3.HashToUInt64(utf8) & (Slots - 1))];
        if (slot.Key is { } key && utf8.SequenceEqual(key))
        {
            return slot.Value!;
        }

        var text = Encoding.UTF8.GetString(utf8);
        slot = (utf8.ToArray(), text);
        return text;
    }
}
