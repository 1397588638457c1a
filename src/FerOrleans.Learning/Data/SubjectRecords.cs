namespace FerOrleans.Learning.Data;

/// <summary>The stored form of a <see cref="SubjectTable"/> in a data set manifest.</summary>
/// <param name="Columns">Metadata column names, without the id column.</param>
/// <param name="Rows">Values per subject id, one per column.</param>
public sealed record SubjectRecords(List<string> Columns, Dictionary<string, string[]> Rows)
{
    /// <summary>Copies a subject table into its stored form.</summary>
    public static SubjectRecords From(SubjectTable table) => new(
        table.Columns.ToList(),
        table.SubjectIds.ToDictionary(id => id, id => table.Columns.Select(c => table.Value(id, c) ?? "").ToArray()));

    /// <summary>Rebuilds the subject table.</summary>
    /// <exception cref="ArgumentException">A row has a different number of values than there are columns.</exception>
    public SubjectTable ToTable() => new(Columns, Rows);
}
