using FerOrleans.Learning.Data;

namespace FerOrleans.Learning.Evaluation;

/// <summary>Counts of (true class, predicted class) pairs over the classes of a classifier.</summary>
public sealed class ConfusionMatrix
{
    private readonly int[][] counts;

    public ConfusionMatrix(IReadOnlyList<Emotion> classLabels)
    {
        ArgumentNullException.ThrowIfNull(classLabels);
        ClassLabels = classLabels.ToArray();
        counts = ClassLabels.Select(_ => new int[ClassLabels.Length]).ToArray();
    }

    public Emotion[] ClassLabels { get; }

    /// <summary>Counts [true class][predicted class]; the arrays are live, copy them to keep a snapshot.</summary>
    public int[][] Counts => counts;

    public int Total => counts.Sum(row => row.Sum());

    public int Correct => Enumerable.Range(0, counts.Length).Sum(i => counts[i][i]);

    /// <summary>Top-1 accuracy, 0..1; NaN for an empty matrix.</summary>
    public double Accuracy => Total == 0 ? double.NaN : (double)Correct / Total;

    public void Add(int trueClass, int predictedClass)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(trueClass);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(trueClass, counts.Length);
        ArgumentOutOfRangeException.ThrowIfNegative(predictedClass);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(predictedClass, counts.Length);
        counts[trueClass][predictedClass]++;
    }

    /// <summary>Accuracy per true class, 0..1; null for a class without images.</summary>
    public double?[] PerClassAccuracy() => counts
        .Select((row, i) => row.Sum() == 0 ? (double?)null : (double)row[i] / row.Sum())
        .ToArray();

    /// <summary>A copy of <see cref="Counts"/>.</summary>
    public int[][] CopyCounts() => counts.Select(row => row.ToArray()).ToArray();
}
