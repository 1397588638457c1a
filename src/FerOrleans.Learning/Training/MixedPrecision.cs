namespace FerOrleans.Learning.Training;

/// <summary>Floating-point type of the forward and backward pass; weights, optimiser state and loss stay float32.</summary>
public enum MixedPrecision
{
    /// <summary>Everything in float32.</summary>
    None,

    /// <summary>bfloat16 forward and backward; on the CPU only where it has bf16 instructions (avx512_bf16 or amx_bf16).</summary>
    BFloat16,

    /// <summary>float16 forward and backward with dynamic loss scaling; CUDA only.</summary>
    Float16,
}
