using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace Vigil.Collectors.Evtx.Output;

/// <summary>
/// Turns UTF-8 text that repeats from record to record (data names, provider, channel, computer) into one shared
/// string: a direct-mapped cache by hash, so a hit costs a hash and a byte compare, no decoding and no new string.
/// A collision only evicts; the text returned is always the text given.
/// </summary>
internal sealed class Utf8Interner
{
    private const int SlotBits = 12;
    private const int Slots = 1 << SlotBits;
    private const int MaxBytes = 256;

    private readonly (byte[]? Key, string? Value)[] _slots = new (byte[]?, string?)[Slots];

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public string Get(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > MaxBytes)
        {
            return Encoding.UTF8.GetString(utf8);
        }

        ref var slot = ref _slots[Slot(utf8)];
        if (slot.Key is { } key && utf8.SequenceEqual(key))
        {
            return slot.Value!;
        }

        var text = Encoding.UTF8.GetString(utf8);
        slot = (utf8.ToArray(), text);
        return text;
    }

    /// <summary>
    /// A few loads and multiplies over every byte: the texts are short names seen over and over (one per value in JSON
    /// output), where a general-purpose hash cost more than the rest of the lookup.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Slot(ReadOnlySpan<byte> utf8)
    {
        const ulong Mix = 0x9E3779B97F4A7C15;
        ulong hash = (uint)utf8.Length;
        ref var first = ref MemoryMarshal.GetReference(utf8);
        if (utf8.Length >= 8)
        {
            // Whole words, then the last word (overlapping the one before when the length is not a multiple of 8).
            var last = utf8.Length - 8;
            for (var i = 0; i < last; i += 8)
            {
                hash = (hash ^ Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref first, i))) * Mix;
            }

            hash = (hash ^ Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref first, last))) * Mix;
        }
        else
        {
            foreach (var b in utf8)
            {
                hash = (hash << 8) | b;
            }
        }

        return (int)((hash * 0x9E3779B97F4A7C15) >> (64 - SlotBits));
    }
}
