#!/usr/bin/env bash
# Runs the step benchmark and a short paper-preset run on a CUDA machine and prints the same
# tables as on the CPU. Needs the .NET 10 SDK and a NuGet feed that serves
# libtorch-cuda-12.8-linux-x64; the PyTorch peer runs too when PYTHON has torch with CUDA.
#
#   bench/gpu.sh [OUT_DIR]       (run from the repository root; OUT_DIR defaults to bench-gpu-out)
set -euo pipefail

out="${1:-bench-gpu-out}"
python="${PYTHON:-python3}"
mkdir -p "$out"

nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv | tee "$out/gpu.txt"
dotnet build src/FerOrleans.Cli -c Release -p:FerTorchBackend=cuda -o "$out/fer"
fer=(dotnet "$out/fer/fer.dll")

peer=()
if "$python" -c 'import torch, sys; sys.exit(0 if torch.cuda.is_available() else 1)' 2>/dev/null; then
  peer=(--peer --python "$(command -v "$python")" --peer-script bench/step.py)
fi

"${fer[@]}" bench step --threads 1 --steps 20 --warmup 5 --rounds 3 "${peer[@]}" \
  --json "$out/step.json" | tee "$out/step.md"

for precision in none bf16 fp16; do
  "${fer[@]}" bench run --stem cifar --width 64 --batch-size 32 --epochs 3 --probe-epochs 1 \
    --mixed-precision "$precision" | tee "$out/run-cifar-$precision.md"
done
"${fer[@]}" bench run --stem imagenet --width 64 --batch-size 32 --epochs 3 --probe-epochs 1 \
  | tee "$out/run-imagenet.md"
