using FerOrleans.Learning.Training;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace FerOrleans.Learning.Network;

/// <summary>
/// The MLP projection head of contrastive training: Linear(8w, hidden), ReLU, Linear(hidden, K),
/// then L2 normalisation. Output [batch, K] of unit-norm rows. Discarded after contrastive training.
/// </summary>
public sealed class ProjectionHead : nn.Module<Tensor, Tensor>
{
    private readonly Linear hidden;
    private readonly Linear output;

    public ProjectionHead(NetworkOptions options) : base(nameof(ProjectionHead))
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.ProjectionHidden, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.EmbeddingSize, 1);

        hidden = nn.Linear(options.RepresentationSize, options.ProjectionHidden);
        output = nn.Linear(options.ProjectionHidden, options.EmbeddingSize);

        RegisterComponents();
    }

    public override Tensor forward(Tensor representation)
    {
        var projected = output.call(nn.functional.relu(hidden.call(representation)));  // [batch, K]
        return nn.functional.normalize(projected, p: 2, dim: 1);
    }
}
