using FerOrleans.Contracts.Runs;
using FerOrleans.Learning.Data;

namespace FerOrleans.Grains.Training;

/// <summary>
/// The split of one run's data set A, derived from the run's training fraction, seed and subject rule alone,
/// so that a stored split can be derived again and compared.
/// </summary>
/// <param name="Indices">Indices into A of the training, validation and test parts.</param>
/// <param name="SubjectDisjoint">Whether the subject rule of the spec resolved to subject-disjoint for A.</param>
public sealed record RunSplit(SplitIndices Indices, bool SubjectDisjoint)
{
    /// <summary>Splits <paramref name="a"/> as the run <paramref name="run"/> does.</summary>
    public static RunSplit Derive(RunDefinition run, FaceDataset a)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(a);
        var subjectDisjoint = SubjectRule.Resolve(a, run.Spec.SubjectDisjoint);
        var indices = BalancedSplitter.Split(a, run.TrainFraction, run.Seed, subjectDisjoint);
        return new RunSplit(indices, subjectDisjoint);
    }

    /// <summary>The image ids of each part, in the parts' ascending index order, as stored in the run result.</summary>
    public RunSplitIds ToIds(FaceDataset a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return new RunSplitIds
        {
            Train = Indices.Train.Select(i => a.ImageIds[i]).ToArray(),
            Validation = Indices.Validation.Select(i => a.ImageIds[i]).ToArray(),
            Test = Indices.Test.Select(i => a.ImageIds[i]).ToArray(),
            SubjectDisjoint = SubjectDisjoint,
        };
    }
}
