namespace FerOrleans.Contracts.Datasets;

/// <summary>A named data set: its manifest and whether every shard is stored.</summary>
public interface IDatasetGrain : IGrainWithStringKey
{
    /// <summary>Starts an import; the data set is not usable until <see cref="CommitImportAsync"/> succeeds.</summary>
    /// <exception cref="InvalidOperationException">A committed data set of this name with other content exists.</exception>
    Task BeginImportAsync(DatasetDescriptor descriptor);

    /// <summary>Checks that every shard of the pending import is stored with its checksum, then commits.</summary>
    Task<DatasetDescriptor> CommitImportAsync();

    /// <summary>The committed data set, or null when none of this name exists.</summary>
    Task<DatasetDescriptor?> GetAsync();
}
