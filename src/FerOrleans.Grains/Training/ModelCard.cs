namespace FerOrleans.Grains.Training;

/// <summary>Metadata stored beside a model so that <c>fer predict</c> can use it without the cluster.</summary>
public sealed record ModelCard(
    string RunId,
    string Approach,
    string Dataset,
    bool Synthetic,
    string Preprocessing,
    IReadOnlyList<string> ClassNames);
