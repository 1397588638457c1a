using FerOrleans.Learning.Training;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace FerOrleans.Learning.Network;

/// <summary>
/// The projection head of contrastive training, then L2 normalisation: the MLP Linear(8w, hidden), ReLU,
/// Linear(hidden, K), or one Linear(8w, K) (<see cref="NetworkOptions.Head"/>). Output [batch, K] of
/// unit-norm rows. Discarded after contrastive training.
/// </summary>
public sealed class ProjectionHead : nn.Module<Tensor, Tensor>
{
    // Null for the linear head; RegisterComponents skips null fields.
    private readonly Linear? hidden;
    private readonly Linear output;

    public ProjectionHead(NetworkOptions options) : base(nameof(ProjectionHead))
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.EmbeddingSize, 1);
        if (options.Head == ProjectionHeadKind.Mlp)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(options.ProjectionHidden, 1);
            hidden = nn.Linear(options.RepresentationSize, options.ProjectionHidden);
            output = nn.Linear(options.ProjectionHidden, options.EmbeddingSize);
        }
        else
        {
            output = nn.Linear(options.RepresentationSize, options.EmbeddingSize);
        }

        RegisterComponents();
    }

    public override Tensor forward(Tensor representation)
    {
        var input = hidden is null ? representation : nn.functional.relu(hidden.call(representation));
        var projected = output.call(input);                                               // [batch, K]
        return nn.functional.normalize(projected, p: 2, dim: 1);
    }
}
