namespace FerOrleans.Learning.Training;

/// <summary>The layers of the projection head between the representation and the embedding.</summary>
public enum ProjectionHeadKind
{
    /// <summary>Linear(8w, hidden), ReLU, Linear(hidden, K), as in SupCon and SimCLR.</summary>
    Mlp,

    /// <summary>One Linear(8w, K) layer.</summary>
    Linear,
}
