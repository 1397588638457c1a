namespace FerOrleans.Hosting;

/// <summary>One cell of a sweep, repetitions aside: approach, training split and augmentation ratio.</summary>
internal sealed record SweepCellKey(string Sweep, string Approach, double TrainFraction, int AugmentationRatio);
