namespace FerOrleans.Learning.Data;

/// <summary>Label policy of a FER+ import.</summary>
/// <param name="Labels">Majority labels only, or with probability labels as metadata.</param>
/// <param name="Contempt">What happens to contempt votes.</param>
public sealed record FerPlusOptions(
    FerPlusLabelMode Labels = FerPlusLabelMode.Majority,
    FerPlusContemptPolicy Contempt = FerPlusContemptPolicy.Drop);
