namespace FerOrleans.Learning.Data;

/// <summary>Finds images whose pixels all have one value, such as the blank frames of FER2013.</summary>
public static class ConstantImages
{
    /// <summary>Returns the indices of the constant images of <paramref name="data"/>, ascending.</summary>
    public static IReadOnlyList<int> Find(FaceDataset data)
    {
        var found = new List<int>();
        for (var i = 0; i < data.Count; i++)
        {
            var image = data.Image(i);
            if (image.IndexOfAnyExcept(image[0]) < 0)
            {
                found.Add(i);
            }
        }
        return found;
    }

    /// <summary>
    /// Returns the data set without its constant images when <paramref name="drop"/> is true (else unchanged),
    /// and the image ids of the constant images.
    /// </summary>
    /// <exception cref="InvalidDataException">Dropping would leave no image.</exception>
    public static (FaceDataset Data, IReadOnlyList<string> ConstantIds) Apply(FaceDataset data, bool drop)
    {
        var constant = Find(data);
        var ids = constant.Select(i => data.ImageIds[i]).ToArray();
        if (!drop || constant.Count == 0)
        {
            return (data, ids);
        }
        if (constant.Count == data.Count)
        {
            throw new InvalidDataException(
                $"All {data.Count} images of data set '{data.Name}' are constant (one pixel value each), so dropping "
                + "constant images leaves none. Import without --drop-constant, or check the source.");
        }
        var kept = Enumerable.Range(0, data.Count).Except(constant).ToArray();
        return (data.Subset(kept), ids);
    }
}
