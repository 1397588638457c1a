namespace FerOrleans.Learning.Data;

/// <summary>Face proportions of <see cref="SyntheticFaces"/>.</summary>
public enum SyntheticDomain
{
    /// <summary>Round head, large eyes set low, features small relative to the head.</summary>
    Child,

    /// <summary>Longer head, smaller eyes set near mid-height, larger features.</summary>
    Adult,
}
