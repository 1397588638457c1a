namespace FerOrleans.Reporting;

/// <summary>A PNG figure of the report, stored next to report.html under <see cref="FileName"/>.</summary>
/// <param name="FileName">The file name, relative to the report folder.</param>
/// <param name="Title">The caption shown with the figure.</param>
/// <param name="Confusion">The confusion matrix the figure shows, or null for the accuracy figure.</param>
public sealed record ReportFigure(string FileName, string Title, ConfusionReport? Confusion);
