using System.Text;

namespace FerOrleans.Reporting.Tests;

public sealed class CsvFormatTests
{
    [Fact]
    public void AppendRecord_AwkwardFields_ParseBackUnchanged()
    {
        string[] fields = ["plain", "comma, inside", "quote \" inside", "line\nbreak", " padded ", "", "SC(c<-a)"];
        StringBuilder text = new();

        CsvFormat.AppendRecord(text, fields);
        CsvFormat.AppendRecord(text, ["second", "row", "", "", "", "", ""]);
        IReadOnlyList<IReadOnlyList<string>> records = CsvFormat.Parse(text.ToString());

        Assert.Equal(2, records.Count);
        Assert.Equal(fields, records[0]);
        Assert.Equal("second", records[1][0]);
    }

    [Fact]
    public void Parse_UnclosedQuote_ThrowsNamingLine()
    {
        FormatException error = Assert.Throws<FormatException>(() => CsvFormat.Parse("a,b\nc,\"open\n"));

        Assert.Contains("line 2", error.Message);
    }

    [Fact]
    public void ParseRuns_WrongFieldCount_ThrowsNamingLine()
    {
        string csv = RunsCsv.Render(SweepReport.Build(FullReportRuns.Input()));
        string[] lines = csv.Split('\n');
        lines[2] += ",extra";

        FormatException error = Assert.Throws<FormatException>(() => RunsCsv.ParseRuns(string.Join('\n', lines)));

        Assert.Contains("line 3", error.Message);
    }
}
