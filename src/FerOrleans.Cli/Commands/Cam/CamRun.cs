using FerOrleans.Grains.Training;

namespace FerOrleans.Cli.Commands.Cam;

/// <summary>One trained model to explain: a cell of the grid.</summary>
/// <param name="RunId">Run id, <c>{sweep}/{cell}</c>.</param>
/// <param name="Approach">Approach name as the study writes it, e.g. SC(c&lt;-a). It names the grid row.</param>
/// <param name="Column">Position within its approach's row, from 0.</param>
/// <param name="ColumnLabel">Column heading, e.g. k0 for repetition 0.</param>
/// <param name="Model">The bytes of model.bin.</param>
/// <param name="Card">The model card stored beside the model, when there is one.</param>
public sealed record CamRun(string RunId, string Approach, int Column, string ColumnLabel, byte[] Model, ModelCard? Card);
