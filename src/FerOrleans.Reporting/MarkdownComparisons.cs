using System.Text;

namespace FerOrleans.Reporting;

/// <summary>The test sections of report.md: best vs runner-up, requested pairs and the Table 1 analogue.</summary>
internal static class MarkdownComparisons
{
    /// <summary>Appends the sections; the requested pairs section only when pairs were requested.</summary>
    public static void Append(StringBuilder text, SweepReportModel model)
    {
        AppendBestVersusRunnerUp(text, model);
        AppendPairs(text, model);
        AppendTable1(text, model);
    }

    private static void AppendBestVersusRunnerUp(StringBuilder text, SweepReportModel model)
    {
        text.Append("## Best vs runner-up\n\n").Append(ComparisonRows.BestVersusRunnerUpCaption(model.Holm)).Append("\n\n");
        MarkdownTable table = new(ComparisonRows.BestVersusRunnerUpHeader(model.Holm));
        foreach (ComparisonReport comparison in model.Comparisons)
        {
            table.AddRow(ComparisonRows.BestVersusRunnerUpRow(comparison, model.Holm));
        }

        text.Append(table).Append('\n');
    }

    private static void AppendPairs(StringBuilder text, SweepReportModel model)
    {
        if (model.PairComparisons.Count == 0)
        {
            return;
        }

        text.Append("## Requested comparisons\n\n").Append(ComparisonRows.PairsCaption(model.Holm)).Append("\n\n");
        MarkdownTable table = new(ComparisonRows.PairHeader(model.Holm));
        foreach (PairComparisonReport pair in model.PairComparisons)
        {
            table.AddRow(ComparisonRows.PairRow(pair, model.Holm));
        }

        text.Append(table).Append('\n');
    }

    private static void AppendTable1(StringBuilder text, SweepReportModel model)
    {
        text.Append("## Table 1 analogue\n\n").Append(ComparisonRows.Table1Caption).Append("\n\n");
        MarkdownTable matrix = new(ComparisonRows.Table1MatrixHeader(model));
        foreach (string approach in Table1Layout.Approaches(model))
        {
            matrix.AddRow([approach, .. model.Table1.Select(row => Table1Entry(model, approach, row))]);
        }

        text.Append(matrix).Append('\n');
        MarkdownTable table = new(ComparisonRows.Table1Header);
        foreach (Table1Row row in model.Table1)
        {
            table.AddRow(ComparisonRows.Table1Row(row));
        }

        text.Append(table).Append('\n');
    }

    private static string Table1Entry(SweepReportModel model, string approach, Table1Row column)
    {
        CellReport? cell = Table1Layout.Cell(model, approach, column);
        if (cell is null)
        {
            return "";
        }

        string entry = ReportFormat.MeanAndDeviation(cell.Test);
        return approach == column.Best ? "**" + entry + "**" : entry;
    }
}
