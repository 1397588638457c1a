using System.Diagnostics;
using FerOrleans.Learning.Batches;
using FerOrleans.Learning.Evaluation;
using FerOrleans.Learning.Losses;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace FerOrleans.Learning.Training;

public sealed partial class TrainingRunner
{
    /// <summary>
    /// Runs the remaining epochs of <paramref name="plan"/>: nothing for a phase that the
    /// checkpoint has passed, the rest of the epochs for the phase it stopped in, all epochs for
    /// a later phase.
    /// </summary>
    private void RunPhase(PhasePlan plan, RunNetwork network, RunState state, Stopwatch stopwatch, CancellationToken cancellationToken)
    {
        var planIndex = IndexOfPhase(plan.Phase);
        var stateIndex = IndexOfPhase(state.Phase);
        if (planIndex < stateIndex)
        {
            return;
        }

        if (planIndex > stateIndex)
        {
            state.StartPhase(plan.Phase);
        }

        if (state.CompletedEpochs >= plan.Epochs)
        {
            return;
        }

        using var optimizer = CreateOptimizer(plan, network);
        if (state.PendingOptimizerState is { } saved)
        {
            SgdState.Load(optimizer, saved, device);
            state.PendingOptimizerState = null;
        }

        using var batches = new BatchPrefetcher(plan.Batches, state.CompletedEpochs, plan.Epochs, device, PrefetchDepth);
        // The probe starts from a trained encoder, so only the encoder phase warms up.
        var warmupEpochs = plan.Phase == TrainingPhase.Probe ? 0 : config.Training.WarmupEpochs;
        for (var epoch = state.CompletedEpochs; epoch < plan.Epochs; epoch++)
        {
            var learningRate = LearningRateSchedule.At(config.Training, plan.LearningRate, plan.Epochs, warmupEpochs, epoch);
            optimizer.LearningRate = learningRate;

            RunEpoch(plan, network, state, optimizer, batches, epoch, learningRate, stopwatch, cancellationToken);
        }
    }

    private void RunEpoch(
        PhasePlan plan,
        RunNetwork network,
        RunState state,
        MomentumSgd optimizer,
        BatchPrefetcher batches,
        int epoch,
        double learningRate,
        Stopwatch stopwatch,
        CancellationToken cancellationToken)
    {
        SetModes(plan.Phase, network);
        var steps = plan.Batches.StepsPerEpoch;
        var epochWatch = Stopwatch.StartNew();
        double lossSum = 0;
        long views = 0;
        for (var step = 0; step < steps; step++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var stepWatch = Stopwatch.StartNew();
            var (loss, stepViews) = TrainStep(plan, network, optimizer, batches, epoch, step);
            if (!double.IsFinite(loss))
            {
                throw new InvalidOperationException(
                    $"Run {RunName}: the {plan.Phase} loss is {loss} at epoch {epoch + 1}, step {step + 1}; "
                    + "training diverged. Lower the learning rate or raise the temperature.");
            }

            state.GlobalStep++;
            lossSum += loss;
            views += stepViews;
            Report(ProgressKind.Step, plan, epoch, step + 1, state, loss, stepViews / stepWatch.Elapsed.TotalSeconds, null, learningRate);
        }

        var accuracy = plan.Phase == TrainingPhase.Contrastive ? (double?)null : Validate(plan.Phase, network, state, epoch);
        state.CompletedEpochs = epoch + 1;
        if (state.CompletedEpochs == plan.Epochs || CheckpointDue())
        {
            SaveCheckpoint(network, state, optimizer, stopwatch);
            _sinceCheckpoint.Restart();
        }
        Report(ProgressKind.EpochCompleted, plan, epoch, steps, state, lossSum / steps,
            views / epochWatch.Elapsed.TotalSeconds, accuracy, learningRate);
    }

    /// <summary>Measures validation accuracy and keeps the trained weights when it beats the best epoch so far.</summary>
    private double Validate(TrainingPhase phase, RunNetwork network, RunState state, int epoch)
    {
        var accuracy = Evaluator.Evaluate(network.Classifier, target, split.Validation, classLabels, device).Accuracy;
        if (state.BestValidationAccuracy is null || accuracy > state.BestValidationAccuracy)
        {
            state.BestValidationAccuracy = accuracy;
            state.BestEpoch = epoch + 1;
            state.BestWeights = ModuleState.ToBytes(TrainedPart(phase, network));
        }

        return accuracy;
    }

    /// <summary>One optimisation step in its own dispose scope; returns the loss and the views processed.</summary>
    private (double Loss, int Views) TrainStep(
        PhasePlan plan, RunNetwork network, MomentumSgd optimizer, BatchPrefetcher batches, int epoch, int step)
    {
        using var batch = batches.Next(epoch, step);
        using var scope = torch.NewDisposeScope();
        optimizer.ZeroGrad();
        var compute = reducedPrecision?.LoadMasterWeights() ?? network;
        var images = reducedPrecision is null ? batch.Images : batch.Images.to(reducedPrecision.ComputeType);
        var loss = plan.Phase switch
        {
            TrainingPhase.Contrastive => ContrastiveLoss(compute, batch, images),
            TrainingPhase.Probe => ProbeLoss(compute, batch, images),
            TrainingPhase.Supervised => nn.functional.cross_entropy(
                compute.Classifier.call(images).to(ScalarType.Float32), Targets(batch)),
            _ => throw new ArgumentOutOfRangeException(nameof(plan), plan.Phase, "Unknown phase."),
        };
        if (reducedPrecision is null)
        {
            loss.backward();
            optimizer.Step();
        }
        else if (reducedPrecision.Backward(loss))
        {
            optimizer.Step();
        }

        return (loss.item<float>(), batch.ViewCount);
    }

    /// <summary>SupCon (SC) or SimCLR (UC) on the projected views.</summary>
    private Tensor ContrastiveLoss(RunNetwork network, TrainingBatch batch, Tensor images)
    {
        var embeddings = network.Head!.call(network.Encoder.call(images))
            .to(ScalarType.Float32);                                                // [views x images, K], view-major
        var features = embeddings
            .view(batch.ViewsPerImage, batch.ImageCount, embeddings.shape[1])
            .transpose(0, 1);                                                       // [images, views, K]
        var training = config.Training;
        if (config.Approach.Kind == ApproachKind.UC)
        {
            return SimClrLoss.Compute(features, training.SimClrTemperature, training.BaseTemperature);
        }

        var labels = torch.tensor(batch.Labels.Select(label => (long)label).ToArray(), device: device);
        return SupConLoss.Compute(features, labels, training.SupConTemperature, training.BaseTemperature);
    }

    /// <summary>Cross-entropy of the linear layer on representations of the frozen encoder.</summary>
    private Tensor ProbeLoss(RunNetwork network, TrainingBatch batch, Tensor images)
    {
        Tensor representation;
        using (torch.no_grad())
        {
            representation = network.Encoder.call(images);                          // [images, 8w]
        }

        var logits = network.Classifier.Output.call(representation).to(ScalarType.Float32);  // [images, classes]
        return nn.functional.cross_entropy(logits, Targets(batch));
    }

    private Tensor Targets(TrainingBatch batch) =>
        torch.tensor(batch.Labels.Select(label => classIndex[label]).ToArray(), device: device);

    private MomentumSgd CreateOptimizer(PhasePlan plan, RunNetwork network)
    {
        var parameters = plan.Phase switch
        {
            TrainingPhase.Contrastive => network.Encoder.parameters().Concat(network.Head!.parameters()),
            TrainingPhase.Probe => network.Classifier.Output.parameters(),
            TrainingPhase.Supervised => network.Classifier.parameters(),
            _ => throw new ArgumentOutOfRangeException(nameof(plan), plan.Phase, "Unknown phase."),
        };
        var training = config.Training;
        return training.Optimizer switch
        {
            OptimizerKind.Sgd => new MomentumSgd(parameters, plan.LearningRate, training.Momentum, training.WeightDecay),
            _ => throw new ArgumentOutOfRangeException(nameof(plan), training.Optimizer, "Unknown optimiser."),
        };
    }

    /// <summary>Sets train or eval mode for the modules of <paramref name="phase"/>; the probe keeps the encoder (and its batch norm) frozen.</summary>
    private static void SetModes(TrainingPhase phase, RunNetwork network)
    {
        switch (phase)
        {
            case TrainingPhase.Contrastive:
                network.Encoder.train();
                network.Head!.train();
                break;
            case TrainingPhase.Probe:
                network.Classifier.train();
                network.Encoder.eval();
                break;
            case TrainingPhase.Supervised:
                network.Classifier.train();
                break;
        }
    }

    /// <summary>The module whose best-validation weights the phase keeps.</summary>
    private static nn.Module TrainedPart(TrainingPhase phase, RunNetwork network) =>
        phase == TrainingPhase.Probe ? network.Classifier.Output : network.Classifier;

    private int IndexOfPhase(TrainingPhase phase)
    {
        for (var i = 0; i < phases.Count; i++)
        {
            if (phases[i].Phase == phase)
            {
                return i;
            }
        }

        throw new InvalidDataException($"Run {RunName} has no {phase} phase.");
    }

    private void Report(
        ProgressKind kind,
        PhasePlan plan,
        int epoch,
        int step,
        RunState state,
        double loss,
        double imagesPerSecond,
        double? validationAccuracy,
        double learningRate)
    {
        progress?.Report(new TrainingProgress(
            kind,
            plan.Phase,
            epoch + 1,
            plan.Epochs,
            step,
            plan.Batches.StepsPerEpoch,
            state.GlobalStep,
            loss,
            imagesPerSecond,
            validationAccuracy,
            learningRate));
    }
}
