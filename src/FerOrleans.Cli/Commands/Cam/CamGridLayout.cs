namespace FerOrleans.Cli.Commands.Cam;

/// <summary>
/// Pixel geometry of a Grad-CAM grid: a title, a legend line, a row of column headings, then one row per approach with
/// its label on the left. Column 0 shows the input photo, in the first row only. Columns 1 onwards contain one
/// map per repetition, each with the prediction written below it.
/// </summary>
/// <param name="Rows">Approach rows.</param>
/// <param name="MapColumns">Map columns: the most repetitions of any row.</param>
public sealed record CamGridLayout(int Rows, int MapColumns)
{
    /// <summary>Side of one image cell in pixels, so a 48x48 input is drawn 3 times enlarged.</summary>
    public const int CellSize = 144;

    /// <summary>Width of the coloured frame around a cell: green for a correct prediction, red for a wrong one.</summary>
    public const int BorderWidth = 4;

    /// <summary>Space between cells and around the grid.</summary>
    public const int Gap = 10;

    /// <summary>Width of the approach labels on the left.</summary>
    public const int RowLabelWidth = 90;

    /// <summary>Height of the title, the legend line and the column headings.</summary>
    public const int HeaderHeight = 66;

    /// <summary>Height of the prediction text under each cell.</summary>
    public const int CaptionHeight = 18;

    /// <summary>Smallest grid width, so that the legend line fits above a single map column.</summary>
    public const int MinimumWidth = 540;

    /// <summary>All columns: the input column and the map columns.</summary>
    public int Columns => MapColumns + 1;

    public int Width => Math.Max(MinimumWidth, RowLabelWidth + Columns * (CellSize + 2 * BorderWidth + Gap) + Gap);

    public int Height => HeaderHeight + Rows * (CellSize + 2 * BorderWidth + CaptionHeight + Gap) + Gap;

    /// <summary>Left edge of the frame of <paramref name="column"/>.</summary>
    public int FrameLeft(int column) => RowLabelWidth + Gap + column * (CellSize + 2 * BorderWidth + Gap);

    /// <summary>Top edge of the frame of <paramref name="row"/>.</summary>
    public int FrameTop(int row) => HeaderHeight + row * (CellSize + 2 * BorderWidth + CaptionHeight + Gap);
}
