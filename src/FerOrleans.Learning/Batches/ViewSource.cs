namespace FerOrleans.Learning.Batches;

/// <summary>The data set an image of a batch comes from.</summary>
public enum FaceSet
{
    /// <summary>Data set A, the target (children); only its training part is sampled.</summary>
    Target,

    /// <summary>Data set B, the supplement (adults); not split, any image may be drawn.</summary>
    Supplement,
}

/// <summary>The image that one view of a batch was made from: a data set and an index into it.</summary>
public readonly record struct ViewSource(FaceSet Set, int Index)
{
    public override string ToString() => $"{Set}[{Index}]";
}
