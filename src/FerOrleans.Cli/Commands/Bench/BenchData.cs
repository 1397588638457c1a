using FerOrleans.Learning.Data;

namespace FerOrleans.Cli.Commands.Bench;

/// <summary>Data sets A and B of the run benchmarks: a photo folder split by subject, or synthetic faces.</summary>
public static class BenchData
{
    private const int PartitionSeed = 7;
    private const int SyntheticImagesPerClass = 24;

    /// <summary>Reads <paramref name="images"/> and splits it by subject as quickstart does, or draws synthetic faces when it is null.</summary>
    public static (FaceDataset A, FaceDataset B) Load(string? images, int subjectsA)
    {
        if (images is null)
        {
            return (SyntheticFaces.Generate(SyntheticDomain.Child, SyntheticImagesPerClass, seed: 1),
                SyntheticFaces.Generate(SyntheticDomain.Adult, SyntheticImagesPerClass * 2, seed: 2));
        }

        var all = FolderDatasetReader.Read(images, new PreprocessOptions());
        return SubjectPartition.Split(all, subjectsA, null, PartitionSeed);
    }
}
