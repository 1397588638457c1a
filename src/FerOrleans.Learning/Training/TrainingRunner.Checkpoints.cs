using System.Diagnostics;
using FerOrleans.Learning.Evaluation;
using TorchSharp;
using TorchSharp.Modules;

namespace FerOrleans.Learning.Training;

public sealed partial class TrainingRunner
{
    /// <summary>Restores modules, torch random state and run position from the latest checkpoint, or starts at the first phase.</summary>
    private RunState RestoreOrStart(RunNetwork network)
    {
        var bytes = checkpoints.LoadLatest();
        if (bytes is null)
        {
            return new RunState { Phase = phases[0].Phase };
        }

        var checkpoint = Checkpoint.FromBytes(bytes, RunName);
        if (!RunConfigJson.Describes(checkpoint.RunConfigJson, config))
        {
            throw new InvalidDataException(
                $"Checkpoint {checkpoint.Sequence} of run {RunName} was written for another configuration: "
                + $"{checkpoint.RunConfigJson}. Clear the run's checkpoints or restore the configuration.");
        }

        IndexOfPhase(checkpoint.Phase);
        ModuleState.Load(network.Encoder, checkpoint.Encoder);
        ModuleState.Load(network.Classifier.Output, checkpoint.ClassifierOutput);
        if (network.Head is not null)
        {
            ModuleState.Load(network.Head, checkpoint.ProjectionHead
                ?? throw new InvalidDataException($"Checkpoint {checkpoint.Sequence} of run {RunName} lacks the projection head."));
        }

        torch.set_rng_state(torch.tensor(checkpoint.TorchRngState, dtype: torch.ScalarType.Byte));
        return new RunState
        {
            Phase = checkpoint.Phase,
            CompletedEpochs = checkpoint.CompletedEpochs,
            GlobalStep = checkpoint.GlobalStep,
            Sequence = checkpoint.Sequence,
            ElapsedBefore = checkpoint.Elapsed,
            BestValidationAccuracy = checkpoint.BestValidationAccuracy,
            BestEpoch = checkpoint.BestEpoch,
            BestWeights = checkpoint.BestWeights,
            PendingOptimizerState = checkpoint.Optimizer,
        };
    }

    private readonly Stopwatch _sinceCheckpoint = Stopwatch.StartNew();

    private bool CheckpointDue() => CheckpointInterval <= TimeSpan.Zero || _sinceCheckpoint.Elapsed >= CheckpointInterval;

    private void SaveCheckpoint(RunNetwork network, RunState state, MomentumSgd optimizer, Stopwatch stopwatch)
    {
        state.Sequence++;
        using var rngState = torch.get_rng_state();
        var checkpoint = new Checkpoint
        {
            RunConfigJson = configJson,
            Sequence = state.Sequence,
            Phase = state.Phase,
            CompletedEpochs = state.CompletedEpochs,
            GlobalStep = state.GlobalStep,
            Elapsed = state.ElapsedBefore + stopwatch.Elapsed,
            BestValidationAccuracy = state.BestValidationAccuracy,
            BestEpoch = state.BestEpoch,
            BestWeights = state.BestWeights,
            Encoder = ModuleState.ToBytes(network.Encoder),
            ProjectionHead = network.Head is null ? null : ModuleState.ToBytes(network.Head),
            ClassifierOutput = ModuleState.ToBytes(network.Classifier.Output),
            Optimizer = SgdState.ToBytes(optimizer),
            TorchRngState = rngState.data<byte>().ToArray(),
        };
        checkpoints.Save(checkpoint.ToBytes(), state.Sequence);
    }

    /// <summary>Loads the best-validation weights of the last phase and tests them.</summary>
    private RunOutcome Finish(RunNetwork network, RunState state, Stopwatch stopwatch)
    {
        var lastPhase = phases[^1].Phase;
        if (state.BestWeights is null || state.BestValidationAccuracy is null)
        {
            throw new InvalidOperationException($"Run {RunName} finished without a validation result of its {lastPhase} phase.");
        }

        ModuleState.Load(TrainedPart(lastPhase, network), state.BestWeights);
        var test = Evaluator.Evaluate(network.Classifier, target, split.Test, classLabels, device);
        var model = TrainedModel.Serialize(config.Network, classLabels, target.ImageSize, network.Classifier);
        return new RunOutcome(
            state.BestValidationAccuracy.Value,
            test.Accuracy,
            classLabels.ToArray(),
            test.CopyCounts(),
            test.PerClassAccuracy(),
            model,
            state.GlobalStep,
            state.ElapsedBefore + stopwatch.Elapsed,
            state.BestEpoch,
            device.ToString());
    }
}
