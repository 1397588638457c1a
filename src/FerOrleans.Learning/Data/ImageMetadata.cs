namespace FerOrleans.Learning.Data;

/// <summary>
/// Per-image metadata of a data set as text columns (for example usage, mouth-open, soft-label),
/// one value per image in each column, in the data set's image order. An absent value is the empty string.
/// </summary>
public sealed class ImageMetadata
{
    private readonly string[] _columns;
    private readonly string[][] _values;

    /// <param name="columns">Column names; unique, compared ordinally.</param>
    /// <param name="values">One array per column, each with one value per image.</param>
    /// <exception cref="ArgumentException">A name repeats or is empty, or the columns differ in length.</exception>
    public ImageMetadata(IReadOnlyList<string> columns, IReadOnlyList<string[]> values)
    {
        if (columns.Count != values.Count)
        {
            throw new ArgumentException(
                $"Image metadata has {columns.Count} column names but {values.Count} value columns.");
        }
        if (columns.Any(string.IsNullOrEmpty) || columns.Distinct(StringComparer.Ordinal).Count() != columns.Count)
        {
            throw new ArgumentException(
                $"Image metadata column names must be unique and not empty: {string.Join(", ", columns)}.");
        }
        var count = values.Count > 0 ? values[0].Length : 0;
        if (values.Any(v => v.Length != count))
        {
            throw new ArgumentException(
                $"Image metadata columns differ in length ({string.Join(", ", values.Select(v => v.Length))}).");
        }

        _columns = columns.ToArray();
        _values = values.ToArray();
        Count = count;
    }

    /// <summary>Column names in stored order.</summary>
    public IReadOnlyList<string> Columns => _columns;

    /// <summary>Number of images described; 0 when there are no columns.</summary>
    public int Count { get; }

    /// <summary>Returns true when a column of that name (ordinal) exists.</summary>
    public bool HasColumn(string column) => Array.IndexOf(_columns, column) >= 0;

    /// <summary>Returns the values of one column, one per image.</summary>
    /// <exception cref="KeyNotFoundException">No column of that name.</exception>
    public IReadOnlyList<string> Column(string column)
    {
        var index = Array.IndexOf(_columns, column);
        return index >= 0
            ? _values[index]
            : throw new KeyNotFoundException(
                $"No image metadata column '{column}'. Columns: {string.Join(", ", _columns)}.");
    }

    /// <summary>Returns the value of <paramref name="column"/> for one image, or null when the column is absent.</summary>
    public string? Value(int image, string column)
    {
        var index = Array.IndexOf(_columns, column);
        return index >= 0 ? _values[index][image] : null;
    }

    /// <summary>Returns the metadata of the images at <paramref name="indices"/>, in that order.</summary>
    public ImageMetadata Subset(IReadOnlyList<int> indices) =>
        new(_columns, _values.Select(v => indices.Select(i => v[i]).ToArray()).ToArray());
}
