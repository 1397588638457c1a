namespace FerOrleans.Learning.Data;

/// <summary>The result of an import: the pre-processed images and the report of what happened to the input.</summary>
public sealed record DatasetImport(FaceDataset Dataset, ImportReport Report);
