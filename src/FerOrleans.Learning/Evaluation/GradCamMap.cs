namespace FerOrleans.Learning.Evaluation;

/// <summary>
/// The Grad-CAM class activation map of one image: values in [0, 1], row-major [height, width], at the
/// input image's size, together with the class it explains and the classifier's prediction.
/// </summary>
/// <param name="Values">Map values, row-major, <c>Height x Width</c> of them, in [0, 1].</param>
/// <param name="Height">Rows of the map, equal to the input image's height.</param>
/// <param name="Width">Columns of the map, equal to the input image's width.</param>
/// <param name="TargetClass">Output index of the class whose score was differentiated.</param>
/// <param name="PredictedClass">Output index with the largest logit.</param>
/// <param name="Probabilities">Softmax over the classifier outputs.</param>
/// <param name="IsEmpty">
/// True when the ReLU of the weighted activations is zero everywhere, so no location raises the target score;
/// the values are then all zero.
/// </param>
public sealed record GradCamMap(
    float[] Values,
    int Height,
    int Width,
    int TargetClass,
    int PredictedClass,
    float[] Probabilities,
    bool IsEmpty)
{
    /// <summary>Returns the map value at row <paramref name="y"/>, column <paramref name="x"/>.</summary>
    public float At(int y, int x) => Values[y * Width + x];
}
