using FerOrleans.Learning.Evaluation;

namespace FerOrleans.Cli.Commands.Cam;

/// <summary>One run's map of one image.</summary>
/// <param name="Run">The run, which fixes the grid row (approach) and column.</param>
/// <param name="Map">The Grad-CAM map at the input size.</param>
/// <param name="Classes">Emotion names of the model's outputs, in output order.</param>
public sealed record CamCell(CamRun Run, GradCamMap Map, IReadOnlyList<string> Classes)
{
    /// <summary>Emotion name of the predicted class.</summary>
    public string Predicted => Classes[Map.PredictedClass];

    /// <summary>Emotion name of the class the map explains.</summary>
    public string Target => Classes[Map.TargetClass];

    /// <summary>The predicted class's probability.</summary>
    public float Confidence => Map.Probabilities[Map.PredictedClass];

    /// <summary>True or false against <paramref name="trueLabel"/>, or null when the true label is unknown.</summary>
    public bool? IsCorrect(string? trueLabel) => trueLabel is null ? null : trueLabel == Predicted;
}
