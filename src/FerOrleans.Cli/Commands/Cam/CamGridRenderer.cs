using System.Globalization;
using FerOrleans.Learning.Evaluation;
using SkiaSharp;

namespace FerOrleans.Cli.Commands.Cam;

/// <summary>Draws the Grad-CAM grid of one image with SkiaSharp and encodes it as PNG.</summary>
public static class CamGridRenderer
{
    private static readonly SKColor Background = SKColors.White;
    private static readonly SKColor Correct = new(0x1a, 0x9e, 0x3a);
    private static readonly SKColor Wrong = new(0xd6, 0x1f, 0x1f);
    private static readonly SKColor Unknown = new(0xb0, 0xb0, 0xb0);
    private static readonly SKSamplingOptions Enlarge = new(SKFilterMode.Linear);

    /// <summary>
    /// Returns the PNG bytes of the grid: the input <paramref name="gray"/> (row-major, size x size), then per
    /// approach row the blended maps of <paramref name="cells"/>, framed green or red against
    /// <paramref name="input"/>'s true label, or grey when it has none.
    /// </summary>
    public static byte[] Render(
        CamInput input, ReadOnlySpan<byte> gray, int size, IReadOnlyList<CamCell> cells, IReadOnlyList<string> rows, float alpha)
    {
        var layout = new CamGridLayout(rows.Count, cells.Max(c => c.Run.Column) + 1);
        using var surface = SKSurface.Create(new SKImageInfo(layout.Width, layout.Height, SKColorType.Rgba8888, SKAlphaType.Premul))
            ?? throw new InvalidOperationException($"SkiaSharp could not create a {layout.Width}x{layout.Height} surface.");
        var canvas = surface.Canvas;
        canvas.Clear(Background);
        using var font = new SKFont(SKTypeface.Default, 12);
        using var bold = new SKFont(SKTypeface.FromFamilyName(null, SKFontStyle.Bold), 13);
        using var ink = new SKPaint { Color = SKColors.Black, IsAntialias = true };

        DrawHeader(canvas, layout, input, cells, bold, font, ink);
        var blank = new float[size * size];
        DrawCell(canvas, layout, row: 0, column: 0, CamOverlay.Blend(gray, blank, alpha: 0f), size, Unknown);
        canvas.DrawText(input.TrueLabel ?? "label unknown", layout.FrameLeft(0), CaptionTop(layout, 0), SKTextAlign.Left, font, ink);

        for (var row = 0; row < rows.Count; row++)
        {
            var labelY = layout.FrameTop(row) + CamGridLayout.CellSize / 2 + CamGridLayout.BorderWidth;
            canvas.DrawText(rows[row], CamGridLayout.Gap, labelY, SKTextAlign.Left, bold, ink);
        }

        foreach (var cell in cells)
        {
            var row = IndexOf(rows, cell.Run.Approach);
            var column = cell.Run.Column + 1;
            var frame = cell.IsCorrect(input.TrueLabel) switch { true => Correct, false => Wrong, null => Unknown };
            DrawCell(canvas, layout, row, column, CamOverlay.Blend(gray, cell.Map.Values, alpha), size, frame);
            var caption = string.Create(CultureInfo.InvariantCulture, $"{cell.Predicted} {100 * cell.Confidence:0}%")
                + (cell.Target == cell.Predicted ? "" : $", map: {cell.Target}");
            canvas.DrawText(caption, layout.FrameLeft(column), CaptionTop(layout, row), SKTextAlign.Left, font, ink);
        }

        using var image = surface.Snapshot();
        using var png = image.Encode(SKEncodedImageFormat.Png, 100)
            ?? throw new InvalidOperationException("SkiaSharp could not encode the grid as PNG.");
        return png.ToArray();
    }

    private static void DrawHeader(
        SKCanvas canvas, CamGridLayout layout, CamInput input, IReadOnlyList<CamCell> cells, SKFont bold, SKFont font, SKPaint ink)
    {
        var truth = input.TrueLabel is null ? "true label unknown" : $"true label {input.TrueLabel}";
        canvas.DrawText($"{input.Name} ({truth})", CamGridLayout.Gap, 18, SKTextAlign.Left, bold, ink);
        var target = cells.All(c => c.Target == c.Predicted) ? "predicted class" : "class " + cells[0].Target;
        var frames = input.TrueLabel is null ? "grey frames: no emotion-named folder" : "frames: green correct, red wrong";
        canvas.DrawText($"Grad-CAM of the {target}, layer 4; {frames}", CamGridLayout.Gap, 36, SKTextAlign.Left, font, ink);

        var headingY = CamGridLayout.HeaderHeight - 8;
        canvas.DrawText("input", layout.FrameLeft(0), headingY, SKTextAlign.Left, font, ink);
        foreach (var (column, label) in cells.Select(c => (c.Run.Column, c.Run.ColumnLabel)).Distinct())
        {
            canvas.DrawText(label, layout.FrameLeft(column + 1), headingY, SKTextAlign.Left, font, ink);
        }
    }

    private static void DrawCell(SKCanvas canvas, CamGridLayout layout, int row, int column, byte[] rgba, int size, SKColor frame)
    {
        var left = layout.FrameLeft(column);
        var top = layout.FrameTop(row);
        var outer = CamGridLayout.CellSize + 2 * CamGridLayout.BorderWidth;
        using (var paint = new SKPaint { Color = frame })
        {
            canvas.DrawRect(SKRect.Create(left, top, outer, outer), paint);
        }

        using var bitmap = new SKBitmap(new SKImageInfo(size, size, SKColorType.Rgba8888, SKAlphaType.Opaque));
        System.Runtime.InteropServices.Marshal.Copy(rgba, 0, bitmap.GetPixels(), rgba.Length);
        using var image = SKImage.FromBitmap(bitmap);
        var inner = SKRect.Create(
            left + CamGridLayout.BorderWidth, top + CamGridLayout.BorderWidth, CamGridLayout.CellSize, CamGridLayout.CellSize);
        canvas.DrawImage(image, SKRect.Create(size, size), inner, Enlarge);
    }

    private static float CaptionTop(CamGridLayout layout, int row) =>
        layout.FrameTop(row) + CamGridLayout.CellSize + 2 * CamGridLayout.BorderWidth + CamGridLayout.CaptionHeight - 4;

    private static int IndexOf(IReadOnlyList<string> rows, string approach)
    {
        for (var i = 0; i < rows.Count; i++)
        {
            if (rows[i] == approach)
            {
                return i;
            }
        }

        throw new ArgumentException($"Approach '{approach}' has no row in the grid.", nameof(approach));
    }
}
