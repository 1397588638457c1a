namespace FerOrleans.Learning.Training;

/// <summary>A phase of a training run; SC and UC run Contrastive then Probe, SL runs Supervised.</summary>
public enum TrainingPhase
{
    /// <summary>Encoder and projection head trained with SupCon (SC) or SimCLR (UC).</summary>
    Contrastive,

    /// <summary>A linear layer trained on the frozen encoder with cross-entropy.</summary>
    Probe,

    /// <summary>Encoder and linear classifier trained together with cross-entropy (SL).</summary>
    Supervised,
}
