using SkiaSharp;

namespace FerOrleans.Learning.Tests;

/// <summary>A unique temporary folder for one test's fixtures, deleted on dispose.</summary>
internal sealed class DataTempFolder : IDisposable
{
    public DataTempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "ferorleans-data-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    /// <summary>Writes <paramref name="text"/> as given (no line-end conversion) and returns the file path.</summary>
    public string WriteText(string relativePath, string text)
    {
        var path = FullPath(relativePath);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>Writes a PNG whose pixel (x, y) has the colour <paramref name="colorAt"/> returns.</summary>
    public string WritePng(string relativePath, int width, int height, Func<int, int, SKColor> colorAt)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                bitmap.SetPixel(x, y, colorAt(x, y));
            }
        }

        var path = FullPath(relativePath);
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        File.WriteAllBytes(path, data.ToArray());
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; the test result matters more.
        }
    }

    private string FullPath(string relativePath)
    {
        var path = System.IO.Path.Combine(Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        return path;
    }
}
