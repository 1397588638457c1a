namespace FerOrleans.Learning.Data;

/// <summary>Which labels a FER+ import stores.</summary>
public enum FerPlusLabelMode
{
    /// <summary>The majority-vote label only.</summary>
    Majority,

    /// <summary>
    /// The majority-vote label, plus the vote share of each of the seven emotions as the
    /// <see cref="ImageMetadataColumns.SoftLabel"/> metadata column.
    /// </summary>
    Probability,
}
