using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Vigil.Core.Forest;

/// <summary>
/// Rows as the float32 the trees compare, converted a vector at a time: at 50 features a value-by-value loop took a
/// tenth of scoring. Narrowing rounds to nearest like the <c>(float)</c> cast, so every value is the same bit for bit.
/// </summary>
internal static class FloatRows
{
    public static void Convert(ReadOnlySpan<double> source, Span<float> target)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(target.Length, source.Length);
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            ref var from = ref MemoryMarshal.GetReference(source);
            ref var to = ref MemoryMarshal.GetReference(target);
            for (; i <= source.Length - Vector256<float>.Count; i += Vector256<float>.Count)
            {
                var low = Vector256.LoadUnsafe(ref from, (nuint)i);
                var high = Vector256.LoadUnsafe(ref from, (nuint)(i + Vector256<double>.Count));
                Vector256.Narrow(low, high).StoreUnsafe(ref to, (nuint)i);
            }
        }

        for (; i < source.Length; i++)
        {
            target[i] = (float)source[i];
        }
    }
}
