namespace FerOrleans.Reporting;

/// <summary>One training run of a sweep, as the report reads it.</summary>
/// <param name="RunId">The unique id of the run within the sweep.</param>
/// <param name="Approach">The approach acronym, for example <c>SC(c&lt;-a)</c>.</param>
/// <param name="TrainFraction">The training split as a fraction in (0, 1], for example 0.5.</param>
/// <param name="AugmentationRatio">The augmentation ratio r (augmented copies of the training set per epoch).</param>
/// <param name="Repetition">The repetition index within the configuration.</param>
/// <param name="Seed">The random seed of the run.</param>
/// <param name="State">The run state; <see cref="RunStates.Completed"/> or another state such as Failed.</param>
/// <param name="ValidationAccuracy">The best validation accuracy as a fraction in [0, 1], when known.</param>
/// <param name="TestAccuracy">The test accuracy at the best validation epoch as a fraction in [0, 1], when
/// known.</param>
/// <param name="BestEpoch">The epoch with the best validation accuracy, when known.</param>
/// <param name="DurationSeconds">The wall-clock duration of the run in seconds, when known.</param>
/// <param name="Device">The device the run used, for example cuda:0, when known.</param>
/// <param name="Error">The error message of a failed run.</param>
/// <param name="ClassNames">The class names of the classifier outputs, in output order, when known.</param>
/// <param name="TestConfusion">The test confusion matrix (rows true class, columns predicted class, in
/// <paramref name="ClassNames"/> order), when known.</param>
/// <param name="Steps">The optimiser steps taken, when known.</param>
/// <param name="Attempts">How many times the run was started, resumes included, when known.</param>
/// <param name="Phase">The training phase of the latest progress report ("contrastive", "probe" or "supervised"),
/// when known.</param>
/// <param name="Epoch">The epoch of the latest progress report within <paramref name="Phase"/>, when known.</param>
public sealed record RunRecord(
    string RunId,
    string Approach,
    double TrainFraction,
    int AugmentationRatio,
    int Repetition,
    int Seed,
    string State,
    double? ValidationAccuracy,
    double? TestAccuracy,
    int? BestEpoch,
    double? DurationSeconds,
    string? Device,
    string? Error,
    IReadOnlyList<string>? ClassNames = null,
    IReadOnlyList<IReadOnlyList<int>>? TestConfusion = null,
    long? Steps = null,
    int? Attempts = null,
    string? Phase = null,
    int? Epoch = null)
{
    /// <summary>Whether the run enters the statistics: completed and with a test accuracy.</summary>
    public bool IsUsable() =>
        string.Equals(State, RunStates.Completed, StringComparison.Ordinal) && TestAccuracy.HasValue;
}
