using Vigil.Core.Forest;

namespace Vigil.Core.Tests.Forest;

/// <summary>The vector conversion of rows to the float32 the trees compare: it must be the (float) cast, value for value.</summary>
public sealed class FloatRowsTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(203)]
    public void EveryValueIsTheCastBitForBitWhateverTheLength(int length)
    {
        // Given doubles that round up, round down, tie, overflow float32, are tiny or not numbers at all
        var random = new Random(length);
        var special = new[] { 0.1, -0.1, 1.0 + Math.Pow(2, -24), 1.0 + (3 * Math.Pow(2, -25)), 1e39, -1e39, 1e-46, double.NaN, double.PositiveInfinity, -0.0 };
        var source = new double[length];
        for (var i = 0; i < length; i++)
        {
            source[i] = i % 3 == 0 ? special[(i / 3) % special.Length] : (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-8, 9));
        }

        // When they are converted together (with a canary after the end)
        var target = new float[length + 1];
        target[length] = 42f;
        FloatRows.Convert(source, target.AsSpan(0, length));

        // Then each one is what the cast gives, and nothing past the end was written
        for (var i = 0; i < length; i++)
        {
            Assert.Equal(BitConverter.SingleToInt32Bits((float)source[i]), BitConverter.SingleToInt32Bits(target[i]));
        }

        Assert.Equal(42f, target[length]);
    }
}
