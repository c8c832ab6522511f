namespace Vigil.Core.Features;

/// <summary>A dense row-major matrix of feature values: one row per hour (or sample), one column per feature.</summary>
public sealed class FeatureMatrix
{
    private readonly double[] _values;

    public FeatureMatrix(int rows, int columns)
        : this(rows, columns, new double[checked(rows * columns)])
    {
    }

    public FeatureMatrix(int rows, int columns, double[] values)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfLessThan(columns, 1);
        if (values.Length != rows * columns)
        {
            throw new ArgumentException($"Expected {rows * columns} values for a {rows}x{columns} matrix, got {values.Length}.", nameof(values));
        }

        Rows = rows;
        Columns = columns;
        _values = values;
    }

    public int Rows { get; }

    public int Columns { get; }

    public double this[int row, int column]
    {
        get => _values[(row * Columns) + column];
        set => _values[(row * Columns) + column] = value;
    }

    public ReadOnlySpan<double> Row(int row) => _values.AsSpan(row * Columns, Columns);

    /// <summary>Rows <paramref name="first"/> to <paramref name="first"/> + <paramref name="count"/> - 1, one after another.</summary>
    public ReadOnlySpan<double> RowBlock(int first, int count) => _values.AsSpan(first * Columns, count * Columns);

    public Span<double> MutableRow(int row) => _values.AsSpan(row * Columns, Columns);

    public static FeatureMatrix FromRows(IReadOnlyList<double[]> rows)
    {
        if (rows.Count == 0)
        {
            throw new ArgumentException("At least one row is needed.", nameof(rows));
        }

        var matrix = new FeatureMatrix(rows.Count, rows[0].Length);
        for (var i = 0; i < rows.Count; i++)
        {
            if (rows[i].Length != matrix.Columns)
            {
                throw new ArgumentException($"Row {i} has {rows[i].Length} values, expected {matrix.Columns}.", nameof(rows));
            }

            rows[i].CopyTo(matrix.MutableRow(i));
        }

        return matrix;
    }
}
