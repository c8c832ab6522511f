namespace Vigil.Core.Forest;

/// <summary>Walks rows through every tree of a forest; the layouts differ only in speed, never in result.</summary>
internal interface IPathLengthScorer
{
    /// <summary>Largest number of rows one call may score.</summary>
    int MaxRowsPerCall { get; }

    /// <summary>
    /// Adds to <paramref name="depths"/>[r] the path lengths of row r summed over the trees in tree order (the order
    /// scikit-learn sums them in). <paramref name="rows"/> holds <paramref name="rowCount"/> rows, row-major; each value
    /// is compared as the float32 it rounds to (the <c>(float)</c> cast), as scikit-learn's trees compare it.
    /// </summary>
    void AddPathLengths(ReadOnlySpan<double> rows, int rowCount, Span<double> depths);
}
