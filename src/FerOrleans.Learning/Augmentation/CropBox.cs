namespace FerOrleans.Learning.Augmentation;

/// <summary>A rectangle of an image in pixels: <paramref name="Top"/> row, <paramref name="Left"/> column, size.</summary>
public readonly record struct CropBox(int Top, int Left, int Height, int Width);
