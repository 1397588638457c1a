using SkiaSharp;

namespace FerOrleans.Learning.Data;

/// <summary>Draws one face with SkiaSharp at 4x the output size and reduces it to gray bytes.</summary>
internal static class SyntheticFaceRenderer
{
    // Drawing at 4x and filtering down gives anti-aliased edges at 48x48.
    private const int Supersampling = 4;

    private const byte EyeWhite = 235;
    private const byte Dark = 30;

    /// <summary>
    /// Renders a face of <paramref name="identity"/> with <paramref name="shape"/> and per-image variation.
    /// </summary>
    public static byte[] Render(FaceIdentity identity, ExpressionShape shape, SeededRandom random, int size)
    {
        var canvasSize = size * Supersampling;
        var info = new SKImageInfo(canvasSize, canvasSize, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var surface = SKSurface.Create(info)
            ?? throw new InvalidOperationException($"SkiaSharp could not create a {canvasSize}x{canvasSize} surface.");
        var canvas = surface.Canvas;
        canvas.Clear(Gray(identity.Background));

        // Pose: up to 3% of shift, 6% of scale and 3 degrees of rotation.
        canvas.Translate(
            canvasSize * (0.5f + (float)random.NextDouble(-0.03, 0.03)),
            canvasSize * (0.5f + (float)random.NextDouble(-0.03, 0.03)));
        canvas.RotateDegrees((float)random.NextDouble(-3, 3));
        var scale = (float)random.NextDouble(0.94, 1.06);
        canvas.Scale(scale, scale);

        var head = new HeadFrame(identity, canvasSize);
        DrawHead(canvas, identity, head);
        DrawEyesAndBrows(canvas, identity, shape, head);
        DrawNose(canvas, identity, shape, head);
        DrawMouth(canvas, identity, shape, head);
        canvas.Flush();

        using var image = surface.Snapshot();
        var pixels = ImagePreprocessor.ResizeToGray(image, size);
        AdjustTone(pixels, random);
        return pixels;
    }

    private static void DrawHead(SKCanvas canvas, FaceIdentity identity, HeadFrame head)
    {
        using var hair = Fill(identity.Hair);
        canvas.DrawOval(0, -head.Height * 0.06f, head.Width * 0.56f, head.Height * 0.54f, hair);
        using var skin = Fill(identity.Skin);
        canvas.DrawOval(0, 0, head.Width / 2, head.Height / 2, skin);
    }

    private static void DrawEyesAndBrows(SKCanvas canvas, FaceIdentity identity, ExpressionShape shape, HeadFrame head)
    {
        var eyeWidth = (float)identity.EyeSize * head.Width;
        var eyeHeight = eyeWidth * 0.55f * (float)shape.EyeOpen;
        var browGap = head.Width * (0.07f + 0.04f * (float)shape.BrowRaise);
        var browTilt = head.Width * 0.06f * (float)shape.BrowTilt;
        using var white = Fill(EyeWhite);
        using var pupil = Fill(Dark);
        using var lid = Stroke(Dark, head.Width * 0.012f);
        using var brow = Stroke(Math.Min(identity.Hair, Dark), head.Width * 0.045f * (float)identity.FeatureScale);
        foreach (var side in new[] { -1f, 1f })
        {
            var x = side * (float)identity.EyeSpacing * head.Width / 2;
            canvas.DrawOval(x, head.EyeY, eyeWidth / 2, eyeHeight / 2, white);
            canvas.DrawOval(x, head.EyeY, eyeWidth / 2, eyeHeight / 2, lid);
            canvas.DrawCircle(x, head.EyeY, Math.Min(eyeHeight / 2, eyeWidth * 0.28f), pupil);

            var browY = head.EyeY - eyeHeight / 2 - browGap;
            var inner = new SKPoint(x - side * eyeWidth * 0.7f, browY - browTilt);
            var outer = new SKPoint(x + side * eyeWidth * 0.7f, browY + browTilt * 0.3f);
            canvas.DrawLine(inner, outer, brow);
        }
    }

    private static void DrawNose(SKCanvas canvas, FaceIdentity identity, ExpressionShape shape, HeadFrame head)
    {
        var tipY = head.EyeY + (head.MouthY - head.EyeY) * 0.6f;
        var halfWidth = head.Width * 0.05f * (float)identity.FeatureScale;
        using var line = Stroke(Shade(identity.Skin, 0.7), head.Width * 0.018f);
        canvas.DrawLine(0, head.EyeY + head.Width * 0.05f, 0, tipY, line);
        canvas.DrawLine(-halfWidth, tipY, halfWidth, tipY, line);
        if (shape.NoseWrinkle > 0)
        {
            foreach (var side in new[] { -1f, 1f })
            {
                canvas.DrawLine(side * halfWidth * 1.2f, head.EyeY + head.Width * 0.04f,
                    side * halfWidth * 2.2f, head.EyeY + head.Width * 0.12f, line);
            }
        }
    }

    private static void DrawMouth(SKCanvas canvas, FaceIdentity identity, ExpressionShape shape, HeadFrame head)
    {
        var halfWidth = head.Width * 0.24f * (float)(identity.FeatureScale * shape.MouthWidth);
        var lift = head.Width * 0.11f * (float)identity.FeatureScale;
        var left = new SKPoint(-halfWidth, head.MouthY - lift * (float)(shape.MouthCurve + shape.MouthTilt));
        var right = new SKPoint(halfWidth, head.MouthY - lift * (float)(shape.MouthCurve - shape.MouthTilt));
        var bend = head.MouthY + lift * (float)shape.MouthCurve;
        var opening = head.Width * 0.24f * (float)(identity.FeatureScale * shape.MouthOpen);

        using var path = new SKPath();
        path.MoveTo(left);
        path.QuadTo(0, bend - opening * 0.3f, right.X, right.Y);
        if (opening > 0)
        {
            path.QuadTo(0, bend + opening, left.X, left.Y);
            path.Close();
            using var inside = Fill(Dark);
            canvas.DrawPath(path, inside);
        }
        using var lips = Stroke(Dark, head.Width * 0.04f);
        canvas.DrawPath(path, lips);
        if (shape.ShowsTeeth)
        {
            // A band of upper teeth, clipped to the open mouth.
            using var teeth = Fill(EyeWhite);
            canvas.Save();
            canvas.ClipPath(path, antialias: true);
            canvas.DrawRect(-halfWidth, bend - opening * 0.3f - lift, 2 * halfWidth, lift + opening * 0.45f, teeth);
            canvas.Restore();
        }
    }

    /// <summary>Applies per-image contrast, brightness and Gaussian noise, as a camera and lighting would.</summary>
    private static void AdjustTone(byte[] pixels, SeededRandom random)
    {
        var contrast = random.NextDouble(0.85, 1.15);
        var brightness = random.NextDouble(-20, 20);
        var noise = random.NextDouble(2, 7);
        for (var i = 0; i < pixels.Length; i++)
        {
            var value = (pixels[i] - 128) * contrast + 128 + brightness + noise * random.NextGaussian();
            pixels[i] = (byte)Math.Clamp(Math.Round(value), 0, 255);
        }
    }

    private static SKColor Gray(byte level) => new(level, level, level);

    private static byte Shade(byte level, double factor) => (byte)Math.Round(level * factor);

    private static SKPaint Fill(byte level) =>
        new() { Color = Gray(level), IsAntialias = true, Style = SKPaintStyle.Fill };

    private static SKPaint Stroke(byte level, float width) => new()
    {
        Color = Gray(level),
        IsAntialias = true,
        Style = SKPaintStyle.Stroke,
        StrokeWidth = width,
        StrokeCap = SKStrokeCap.Round,
    };

    /// <summary>Head size and feature heights in canvas pixels, relative to the head centre.</summary>
    private readonly record struct HeadFrame
    {
        public HeadFrame(FaceIdentity identity, int canvasSize)
        {
            Width = (float)identity.HeadWidth * canvasSize;
            Height = Width * (float)identity.Aspect;
            EyeY = -Height / 2 + (float)identity.EyeLevel * Height;
            MouthY = EyeY + (Height / 2 - EyeY) * 0.58f;
        }

        public float Width { get; }

        public float Height { get; }

        public float EyeY { get; }

        public float MouthY { get; }
    }
}
