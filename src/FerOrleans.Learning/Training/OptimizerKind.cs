namespace FerOrleans.Learning.Training;

/// <summary>The optimiser of every training phase.</summary>
public enum OptimizerKind
{
    /// <summary>SGD with momentum and L2 weight decay, the optimiser of the study and of SupContrast.</summary>
    Sgd,
}
