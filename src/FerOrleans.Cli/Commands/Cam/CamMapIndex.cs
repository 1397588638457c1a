namespace FerOrleans.Cli.Commands.Cam;

/// <summary>
/// The <c>NAME.maps.json</c> index of <c>NAME.maps.npy</c>: entry i of <see cref="Maps"/> describes slice
/// <c>[i, :, :]</c> of the float32 array [maps, height, width].
/// </summary>
public sealed record CamMapIndex(
    string Image,
    string? TrueLabel,
    int Height,
    int Width,
    string Layer,
    IReadOnlyList<CamMapEntry> Maps);

/// <summary>One map of <see cref="CamMapIndex"/>: which run made it, what it explains and what the run predicted.</summary>
public sealed record CamMapEntry(
    string RunId,
    string Approach,
    string Column,
    string TargetClass,
    string PredictedClass,
    double Probability,
    bool? Correct,
    bool Empty,
    IReadOnlyDictionary<string, double> Probabilities);
