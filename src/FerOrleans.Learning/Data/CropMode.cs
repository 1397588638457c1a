namespace FerOrleans.Learning.Data;

/// <summary>Which part of a decoded image is resized to the output square.</summary>
public enum CropMode
{
    /// <summary>The largest centred square: a portrait loses equal parts at top and bottom.</summary>
    CenterSquare,

    /// <summary>The rectangle given by <see cref="PreprocessOptions.Box"/>, in fractions of the image.</summary>
    Box,

    /// <summary>The whole image; a non-square image is stretched to the square.</summary>
    None,
}
