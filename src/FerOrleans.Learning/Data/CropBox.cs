namespace FerOrleans.Learning.Data;

/// <summary>
/// A crop rectangle in fractions of the image width and height, with the origin at the top left.
/// For example, (0.25, 0.15625, 0.5, 0.5) is the face box x 64-192, y 40-168 of a 256x256 photo.
/// </summary>
public sealed record CropBox(double Left, double Top, double Width, double Height)
{
    /// <summary>Throws unless the box has a positive size and lies inside the unit square.</summary>
    public void Validate()
    {
        var inside = Left >= 0 && Top >= 0 && Width > 0 && Height > 0
            && Left + Width <= 1 + 1e-9 && Top + Height <= 1 + 1e-9;
        if (!inside)
        {
            throw new ArgumentException(
                $"Invalid crop box (left {Left}, top {Top}, width {Width}, height {Height}). "
                + "Give fractions of the image: left, top >= 0, width, height > 0, "
                + "left + width <= 1, top + height <= 1.");
        }
    }
}
