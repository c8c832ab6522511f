using Vigil.Core.Features;

namespace Vigil.Core.Tests.Forest.Support;

/// <summary>Deterministic matrices with planted outliers, shaped like what Vigil scores.</summary>
internal static class PlantedMatrices
{
    public static PlantedMatrix Get(string name) => name switch
    {
        "hourly" => Hourly(),
        "blob" => GaussianBlob(3000, 8, 30),
        "constant-columns" => ConstantColumns(),
        "duplicated-rows" => DuplicatedRows(),
        _ => throw new ArgumentException($"No matrix named {name}.", nameof(name)),
    };

    /// <summary>A week of hours (total, errors, warnings, infos, error_rate) with a day/night rhythm.</summary>
    public static PlantedMatrix Hourly()
    {
        var random = new Random(7);
        int[] planted = [50, 100, 137];
        var rows = new List<double[]>();
        for (var h = 0; h < 168; h++)
        {
            var hourOfDay = h % 24;
            var daylight = Math.Max(0, Math.Sin(Math.PI * (hourOfDay - 6) / 14.0));
            var total = Math.Round(60 + (140 * daylight) + (Gaussian(random) * Math.Sqrt(60 + (140 * daylight))));
            var errors = Math.Max(0, Math.Round((0.02 * total) + Gaussian(random)));
            var warnings = Math.Max(0, Math.Round((0.06 * total) + (1.5 * Gaussian(random))));
            switch (Array.IndexOf(planted, h))
            {
                case 0: errors = Math.Round(0.4 * total); break;
                case 1: total *= 6; break;
                case 2: warnings = Math.Round(0.5 * total); break;
            }

            var infos = total - errors - warnings;
            rows.Add([total, errors, warnings, infos, errors / total]);
        }

        return new PlantedMatrix("hourly", FeatureMatrix.FromRows(rows), planted);
    }

    public static PlantedMatrix GaussianBlob(int inliers, int columns, int outliers, int seed = 11)
    {
        var random = new Random(seed);
        var x = new FeatureMatrix(inliers + outliers, columns);
        for (var i = 0; i < x.Rows; i++)
        {
            var row = x.MutableRow(i);
            for (var f = 0; f < columns; f++)
            {
                row[f] = Gaussian(random);
            }

            // An outlier sits out in a random corner, 4 standard deviations along every feature.
            for (var f = 0; i >= inliers && f < columns; f++)
            {
                row[f] += random.Next(2) == 0 ? -4 : 4;
            }
        }

        return new PlantedMatrix($"blob {x.Rows}x{columns}", x, Enumerable.Range(inliers, outliers).ToArray());
    }

    /// <summary>Two of six columns never change, as a counter that stays at zero would.</summary>
    public static PlantedMatrix ConstantColumns()
    {
        var blob = GaussianBlob(400, 6, 8, seed: 13);
        for (var i = 0; i < blob.Matrix.Rows; i++)
        {
            blob.Matrix[i, 1] = 7.0;
            blob.Matrix[i, 4] = 0.0;
            if (i >= 400)
            {
                blob.Matrix[i, 2] += 8;
            }
        }

        return blob with { Name = "constant-columns 408x6" };
    }

    /// <summary>40 distinct rows each seen 8 times, as quiet hours repeat, plus 5 outliers.</summary>
    public static PlantedMatrix DuplicatedRows()
    {
        var distinct = GaussianBlob(40, 4, 0, seed: 17).Matrix;
        var far = GaussianBlob(0, 4, 5, seed: 19).Matrix;
        var rows = new List<double[]>();
        for (var copy = 0; copy < 8; copy++)
        {
            for (var i = 0; i < distinct.Rows; i++)
            {
                rows.Add(distinct.Row(i).ToArray());
            }
        }

        for (var i = 0; i < far.Rows; i++)
        {
            rows.Add(far.Row(i).ToArray());
        }

        return new PlantedMatrix("duplicated-rows 325x4", FeatureMatrix.FromRows(rows), Enumerable.Range(320, 5).ToArray());
    }

    public static double Gaussian(Random random) =>
        Math.Sqrt(-2.0 * Math.Log(1.0 - random.NextDouble())) * Math.Cos(2.0 * Math.PI * random.NextDouble());
}
