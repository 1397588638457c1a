namespace FerOrleans.Learning.Data;

/// <summary>Indices into a data set for the training, validation and test parts of one run.</summary>
public sealed record SplitIndices(int[] Train, int[] Validation, int[] Test);
