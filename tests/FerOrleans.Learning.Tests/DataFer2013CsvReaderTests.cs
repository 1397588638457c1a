using FerOrleans.Learning.Data;

namespace FerOrleans.Learning.Tests;

public sealed class DataFer2013CsvReaderTests
{
    private const int Values = 48 * 48;

    [Fact]
    public void Fer2013CsvReader_Read_LondonCsv_Has164Rows()
    {
        var import = Fer2013CsvReader.Read(DataTestPaths.LondonFacesCsv);
        var data = import.Dataset;

        Assert.Equal(164, data.Count);
        Assert.Equal(48, data.ImageSize);
        Assert.Equal("london-faces-fer2013", data.Name);
        Assert.Equal(82, data.CountsPerLabel()[Emotion.Happy]);
        Assert.Equal(82, data.CountsPerLabel()[Emotion.Neutral]);
        Assert.Equal(2, data.CountsPerLabel().Count);
        Assert.Equal("row-0", data.ImageIds[0]);
        Assert.Equal("row-163", data.ImageIds[163]);
        Assert.Equal(data.ImageIds, data.SubjectIds);
        Assert.Equal(new byte[] { 207, 208, 208, 208, 209 }, data.Image(0)[..5].ToArray());
        Assert.Equal(164, import.Report.DataRows);
        Assert.Equal(164, import.Report.ImportedRows);
        Assert.Equal(164, import.Report.RowsPerUsage["Training"]);
        Assert.Empty(import.Report.SkippedRows);
        Assert.Empty(import.Report.ConstantImageRows);
    }

    [Fact]
    public void Fer2013CsvReader_Read_CrlfQuotesBlanks_ReadsAllRows()
    {
        using var folder = new DataTempFolder();
        var text = "emotion,pixels,Usage\r\n"
            + $"0,\"{Pixels(10)}\",Training\r\n"
            + $"5,{Pixels(20)}, Training \r\n"
            + "\r\n"
            + $"6,\"{Pixels(30)}\",PublicTest\r\n"
            + "\r\n  \r\n";
        var path = folder.WriteText("fer.csv", text);

        var import = Fer2013CsvReader.Read(path);

        Assert.Equal(new[] { Emotion.Angry, Emotion.Surprise, Emotion.Neutral }, import.Dataset.Labels);
        Assert.Equal(new[] { "row-0", "row-1", "row-2" }, import.Dataset.ImageIds);
        Assert.Equal(ExpectedPixels(20), import.Dataset.Image(1).ToArray());
        Assert.Equal(2, import.Report.RowsPerUsage["Training"]);
        Assert.Equal(1, import.Report.RowsPerUsage["PublicTest"]);
    }

    [Fact]
    public void Fer2013CsvReader_Read_UsageFilter_KeepsThatUsage()
    {
        using var folder = new DataTempFolder();
        var path = folder.WriteText("fer.csv", "emotion,pixels,Usage\n"
            + $"1,{Pixels(1)},  Training\n"
            + $"2,{Pixels(2)},PrivateTest\n"
            + $"3,{Pixels(3)},Training\t\n");

        var import = Fer2013CsvReader.Read(path, new Fer2013ReadOptions(Usages: ["training"]));

        Assert.Equal(new[] { Emotion.Disgust, Emotion.Happy }, import.Dataset.Labels);
        Assert.Equal(new[] { "row-0", "row-2" }, import.Dataset.ImageIds);
        Assert.Equal(1, import.Report.FilteredByUsage);
        Assert.Equal(3, import.Report.DataRows);
    }

    [Fact]
    public void Fer2013CsvReader_Read_IcmlHeader_FindsColumns()
    {
        using var folder = new DataTempFolder();
        var path = folder.WriteText("icml_face_data.csv", "emotion, Usage, pixels\n"
            + $"4, Training, {Pixels(7)}\n"
            + $"2, PublicTest, {Pixels(9)}\n");

        var import = Fer2013CsvReader.Read(path);

        Assert.Equal(new[] { Emotion.Sad, Emotion.Fear }, import.Dataset.Labels);
        Assert.Equal(ExpectedPixels(9), import.Dataset.Image(1).ToArray());
        Assert.Equal(1, import.Report.RowsPerUsage["Training"]);
    }

    [Fact]
    public void Fer2013CsvReader_Read_2303Values_Throws()
    {
        using var folder = new DataTempFolder();
        var shortRow = string.Join(' ', Enumerable.Repeat("5", Values - 1));
        var path = folder.WriteText(
            "fer.csv", $"emotion,pixels,Usage\n3,{Pixels(0)},Training\n3,{shortRow},Training\n");

        var error = Assert.Throws<DataFormatException>(() => Fer2013CsvReader.Read(path));

        Assert.Equal(path, error.FilePath);
        Assert.Equal(3, error.LineNumber);
        Assert.Contains("line 3", error.Message);
        Assert.Contains(path, error.Message);
        Assert.Contains("2303", error.Message);
        Assert.Contains("2304", error.Message);
    }

    [Theory]
    [InlineData("256", "256")]
    [InlineData("12a", "'12a'")]
    [InlineData("-1", "'-1'")]
    public void Fer2013CsvReader_Read_InvalidPixelValue_ThrowsNamingValue(string token, string expectedInMessage)
    {
        using var folder = new DataTempFolder();
        var values = Enumerable.Repeat("5", Values).ToArray();
        values[100] = token;
        var path = folder.WriteText("fer.csv", $"emotion,pixels,Usage\n3,{string.Join(' ', values)},Training\n");

        var error = Assert.Throws<DataFormatException>(() => Fer2013CsvReader.Read(path));

        Assert.Equal(2, error.LineNumber);
        Assert.Contains(expectedInMessage, error.Message);
        Assert.Contains("value 101", error.Message);
    }

    [Theory]
    [InlineData("7")]
    [InlineData("x")]
    [InlineData("")]
    public void Fer2013CsvReader_Read_LabelOutside0To6_ThrowsNamingLabel(string label)
    {
        using var folder = new DataTempFolder();
        var path = folder.WriteText("fer.csv", $"emotion,pixels,Usage\n{label},{Pixels(0)},Training\n");

        var error = Assert.Throws<DataFormatException>(() => Fer2013CsvReader.Read(path));

        Assert.Equal(2, error.LineNumber);
        Assert.Contains($"'{label}'", error.Message);
        Assert.Contains("0-6", error.Message);
    }

    [Fact]
    public void Fer2013CsvReader_Read_SkipInvalidRows_CountsEachSkippedRow()
    {
        using var folder = new DataTempFolder();
        var path = folder.WriteText("fer.csv", "emotion,pixels,Usage\n"
            + $"0,{Pixels(1)},Training\n"
            + $"7,{Pixels(2)},Training\n"
            + $"1,{Pixels(3)} 4,Training\n"
            + $"2,12a {Pixels(4)[2..]},Training\n"
            + "3,only three fields,Training,extra\n"
            + $"6,{Pixels(5)},Training\n");

        var import = Fer2013CsvReader.Read(path, new Fer2013ReadOptions(SkipInvalidRows: true));

        Assert.Equal(new[] { Emotion.Angry, Emotion.Neutral }, import.Dataset.Labels);
        Assert.Equal(new[] { "row-0", "row-5" }, import.Dataset.ImageIds);
        Assert.Equal(ExpectedPixels(5), import.Dataset.Image(1).ToArray());
        Assert.Equal(6, import.Report.DataRows);
        Assert.Equal(2, import.Report.ImportedRows);
        Assert.Equal(new[] { 3, 4, 5, 6 }, import.Report.SkippedRows.Select(r => r.LineNumber));
        Assert.Equal(new[] { 1, 2, 3, 4 }, import.Report.SkippedRows.Select(r => r.RowIndex));
        Assert.Contains("'7'", import.Report.SkippedRows[0].Problem);
        Assert.Contains("2305", import.Report.SkippedRows[1].Problem);
        Assert.Contains("'12a'", import.Report.SkippedRows[2].Problem);
        Assert.Contains("4 fields", import.Report.SkippedRows[3].Problem);
    }

    [Fact]
    public void Fer2013CsvReader_Read_ConstantImages_FlaggedByRowIndex()
    {
        using var folder = new DataTempFolder();
        var black = string.Join(' ', Enumerable.Repeat("0", Values));
        var gray = string.Join(' ', Enumerable.Repeat("128", Values));
        var path = folder.WriteText("fer.csv", "emotion,pixels,Usage\n"
            + $"0,{Pixels(1)},Training\n"
            + $"1,{black},Training\n"
            + $"2,{Pixels(2)},Training\n"
            + $"3,{gray},Training\n");

        var import = Fer2013CsvReader.Read(path);

        Assert.Equal(new[] { 1, 3 }, import.Report.ConstantImageRows);
        Assert.Equal(4, import.Dataset.Count);
    }

    [Fact]
    public void Fer2013CsvReader_Read_UnmatchedFilter_Throws()
    {
        var error = Assert.Throws<InvalidDataException>(() =>
            Fer2013CsvReader.Read(DataTestPaths.LondonFacesCsv, new Fer2013ReadOptions(Usages: ["PublicTest"])));

        Assert.Contains("PublicTest", error.Message);
        Assert.Contains("Training", error.Message);
    }

    [Fact]
    public void Fer2013CsvReader_Read_HeaderWithoutPixels_ThrowsOnLine1()
    {
        using var folder = new DataTempFolder();
        var path = folder.WriteText("fer.csv", "emotion,image,Usage\n0,1 2 3,Training\n");

        var error = Assert.Throws<DataFormatException>(() => Fer2013CsvReader.Read(path));

        Assert.Equal(1, error.LineNumber);
        Assert.Contains("'pixels'", error.Message);
    }

    [Fact]
    public void Fer2013CsvReader_Read_2000Rows_KeepsOrder()
    {
        using var folder = new DataTempFolder();
        const int rows = 2000;
        var path = Path.Combine(folder.Path, "many.csv");
        using (var writer = new StreamWriter(path))
        {
            writer.WriteLine("emotion,pixels,Usage");
            for (var r = 0; r < rows; r++)
            {
                writer.WriteLine($"{r % 7},{Pixels(r)},{(r % 10 == 0 ? "PublicTest" : "Training")}");
            }
        }

        var import = Fer2013CsvReader.Read(path);

        Assert.Equal(rows, import.Dataset.Count);
        Assert.Equal(ExpectedPixels(1234), import.Dataset.Image(1234).ToArray());
        Assert.Equal((Emotion)(1999 % 7), import.Dataset.Labels[1999]);
        Assert.Equal(200, import.Report.RowsPerUsage["PublicTest"]);
    }

    /// <summary>2304 space-separated values (offset + i) mod 256.</summary>
    private static string Pixels(int offset) => string.Join(' ', ExpectedPixels(offset));

    private static byte[] ExpectedPixels(int offset) =>
        Enumerable.Range(0, Values).Select(i => (byte)((offset + i) % 256)).ToArray();
}
