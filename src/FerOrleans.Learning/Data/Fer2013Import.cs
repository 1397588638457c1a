namespace FerOrleans.Learning.Data;

/// <summary>The result of <see cref="Fer2013CsvReader.Read"/>: the images and what happened to each row.</summary>
public sealed record Fer2013Import(FaceDataset Dataset, Fer2013ImportReport Report);
