namespace FerOrleans.Cli.Commands.Cam;

/// <summary>One image to explain.</summary>
/// <param name="File">Path of the image file.</param>
/// <param name="Name">Stem of its output files: the path below its --images folder, with '/' written as '-'.</param>
/// <param name="TrueLabel">Emotion name of its folder, or null when the folder is not named for an emotion.</param>
public sealed record CamInput(string File, string Name, string? TrueLabel);
