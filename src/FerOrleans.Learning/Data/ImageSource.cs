namespace FerOrleans.Learning.Data;

/// <summary>One image file to import, with its label and ids.</summary>
/// <param name="Path">The image file.</param>
/// <param name="ImageId">Id stored with the image, unique in the data set.</param>
/// <param name="Label">The emotion label.</param>
/// <param name="SubjectId">The person shown; subject-disjoint splits keep one subject's images together.</param>
/// <param name="Location">Where the image was listed, for messages: the file, or the manifest file and line.</param>
/// <param name="Metadata">Values of the builder's metadata columns, in column order.</param>
internal sealed record ImageSource(
    string Path, string ImageId, Emotion Label, string SubjectId, string Location, string[] Metadata);
