using System.Text;

namespace FerOrleans.Reporting;

/// <summary>The test sections of report.html: Table 1 analogue, best vs runner-up and requested pairs.</summary>
internal static class HtmlComparisons
{
    /// <summary>Appends the sections; the requested pairs section only when pairs were requested.</summary>
    public static void Append(StringBuilder html, SweepReportModel model)
    {
        AppendTable1(html, model);
        AppendBestVersusRunnerUp(html, model);
        AppendPairs(html, model);
    }

    private static void AppendTable1(StringBuilder html, SweepReportModel model)
    {
        HtmlReport.Heading(html, 2, "Table 1 analogue");
        HtmlReport.Paragraph(html, ComparisonRows.Table1Caption);
        HtmlTable matrix = new(ComparisonRows.Table1MatrixHeader(model));
        foreach (string approach in Table1Layout.Approaches(model))
        {
            matrix.AddRow([(approach, false), .. model.Table1.Select(row =>
            {
                CellReport? cell = Table1Layout.Cell(model, approach, row);
                return cell is null ? ("", false) : (ReportFormat.MeanAndDeviation(cell.Test), approach == row.Best);
            })]);
        }

        html.Append(matrix);
        HtmlTable table = new(ComparisonRows.Table1Header);
        foreach (Table1Row row in model.Table1)
        {
            table.AddRow(ComparisonRows.Table1Row(row));
        }

        html.Append(table);
    }

    private static void AppendBestVersusRunnerUp(StringBuilder html, SweepReportModel model)
    {
        HtmlReport.Heading(html, 2, "Best vs runner-up");
        HtmlReport.Paragraph(html, ComparisonRows.BestVersusRunnerUpCaption(model.Holm));
        HtmlTable table = new(ComparisonRows.BestVersusRunnerUpHeader(model.Holm));
        foreach (ComparisonReport comparison in model.Comparisons)
        {
            table.AddRow(ComparisonRows.BestVersusRunnerUpRow(comparison, model.Holm));
        }

        html.Append(table);
    }

    private static void AppendPairs(StringBuilder html, SweepReportModel model)
    {
        if (model.PairComparisons.Count == 0)
        {
            return;
        }

        HtmlReport.Heading(html, 2, "Requested comparisons");
        HtmlReport.Paragraph(html, ComparisonRows.PairsCaption(model.Holm));
        HtmlTable table = new(ComparisonRows.PairHeader(model.Holm));
        foreach (PairComparisonReport pair in model.PairComparisons)
        {
            table.AddRow(ComparisonRows.PairRow(pair, model.Holm));
        }

        html.Append(table);
    }
}
