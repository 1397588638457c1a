namespace FerOrleans.Learning.Training;

/// <summary>How the encoder is trained.</summary>
public enum ApproachKind
{
    /// <summary>Supervised learning: encoder and linear classifier with cross-entropy.</summary>
    SL,

    /// <summary>Supervised contrastive learning (SupCon), then a linear probe.</summary>
    SC,

    /// <summary>Unsupervised contrastive learning (SimCLR), then a linear probe.</summary>
    UC,
}

/// <summary>Which images fill a mini-batch.</summary>
public enum DataVariant
{
    /// <summary>(c): children only, two augmented views per image.</summary>
    Children,

    /// <summary>(c+a): A and B sampled in equal proportion, two augmented views per image.</summary>
    ChildrenPlusAdults,

    /// <summary>(c&lt;-a): a child image and a same-label adult image as its second view.</summary>
    ChildrenAugmentedByAdults,
}

/// <summary>One of the seven approaches of the study, written as in the study: SL(c), SC(c&lt;-a), ...</summary>
public sealed record Approach(ApproachKind Kind, DataVariant Variant)
{
    public static readonly IReadOnlyList<Approach> All =
    [
        new(ApproachKind.SL, DataVariant.Children),
        new(ApproachKind.SL, DataVariant.ChildrenPlusAdults),
        new(ApproachKind.SC, DataVariant.Children),
        new(ApproachKind.SC, DataVariant.ChildrenPlusAdults),
        new(ApproachKind.SC, DataVariant.ChildrenAugmentedByAdults),
        new(ApproachKind.UC, DataVariant.Children),
        new(ApproachKind.UC, DataVariant.ChildrenPlusAdults),
    ];

    /// <summary>True when the approach draws images from the supplement set B.</summary>
    public bool UsesSupplement => Variant != DataVariant.Children;

    public string Name => $"{Kind}({VariantSuffix(Variant)})";

    public override string ToString() => Name;

    /// <summary>Parses "SC(c&lt;-a)", "sc(c+a)", "SL(c)" and the same without brackets ("SC c&lt;-a").</summary>
    public static Approach Parse(string text)
    {
        var normal = new string(text.Where(c => !char.IsWhiteSpace(c)).ToArray()).ToLowerInvariant();
        var match = All.FirstOrDefault(a => a.Name.ToLowerInvariant() == normal
            || a.Name.ToLowerInvariant().Replace("(", "").Replace(")", "") == normal);
        return match ?? throw new FormatException(
            $"Unknown approach '{text}'. Allowed: {string.Join(", ", All.Select(a => a.Name))}.");
    }

    private static string VariantSuffix(DataVariant variant) => variant switch
    {
        DataVariant.Children => "c",
        DataVariant.ChildrenPlusAdults => "c+a",
        DataVariant.ChildrenAugmentedByAdults => "c<-a",
        _ => throw new ArgumentOutOfRangeException(nameof(variant), variant, null),
    };
}
