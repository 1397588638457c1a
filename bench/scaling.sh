#!/usr/bin/env bash
# Sweep throughput (runs per hour) for layouts of training slots on one machine:
#   1silo-1slot-2threads   one silo, one CPU slot, torch with 2 threads
#   1silo-2slots-1thread   one silo, two CPU slots, torch with 1 thread per slot
#   1silo-1slot-1thread    one silo, one CPU slot, torch with 1 thread (a control, not in the default set)
#   2silos-1slot-1thread   two silo processes in one cluster (membership in an Azurite table),
#                          one CPU slot and 1 torch thread each
# Each layout gets a fresh local store and silo, imports 30 London faces subjects as london-a and
# times one sweep (SL(c) and SC(c), 4 repetitions each, width-16 ImageNet stem) from `sweep start`
# until `sweep watch` returns. Every port is a free one on 127.0.0.1.
#
# The torch thread count of a silo is Environment.ProcessorCount divided by its CPU slots; the
# script fixes it through DOTNET_PROCESSOR_COUNT, so the layouts mean the same on any machine.
#
# Usage (from the repository root, after `dotnet build -c Release src/FerOrleans.Cli` and `npm ci`):
#   bench/scaling.sh [LAYOUT...]        default: every layout except the control
# Variables: FER_BENCH_EPOCHS (training and probe epochs, default 5), FER_BENCH_REPETITIONS
# (default 4), FER_BENCH_IMAGES (default ../shared/data/london-faces).
# Output: one tab-separated line per layout: layout, runs, wall seconds, runs per hour, and the
# lowest and highest 1-minute load average sampled every 5 s during the sweep.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
fer_dll=$root/src/FerOrleans.Cli/bin/Release/net10.0/fer.dll
azurite=$root/node_modules/.bin/azurite
images=${FER_BENCH_IMAGES:-$root/../shared/data/london-faces}
epochs=${FER_BENCH_EPOCHS:-5}
repetitions=${FER_BENCH_REPETITIONS:-4}
work=$(mktemp -d /tmp/fer-scaling.XXXXXX)
pids=()

# Stops the background processes newest first, each before the next, so that silos leave the
# membership table while Azurite still serves it. A process still alive after 60 s is killed.
stop_all() {
    local index pid
    for ((index = ${#pids[@]} - 1; index >= 0; index--)); do
        pid=${pids[index]}
        kill "$pid" 2>/dev/null || continue
        for _ in $(seq 60); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 1
        done
        kill -9 "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    done
    pids=()
}
trap stop_all EXIT
trap 'exit 143' TERM INT

fer() { dotnet exec "$fer_dll" "$@"; }

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# Waits until the log file of a background process contains a line, or fails after $3 seconds.
wait_for_line() {
    local file=$1 text=$2 seconds=$3
    for _ in $(seq "$seconds"); do
        if grep -q "$text" "$file" 2>/dev/null; then
            return 0
        fi
        sleep 1
    done
    echo "timed out after ${seconds} s waiting for '$text' in $file:" >&2
    cat "$file" >&2
    return 1
}

prepare_images() {
    local target=$work/london-a
    mkdir -p "$target/happy" "$target/neutral"
    find "$images/happy" -maxdepth 1 -name '*.jpg' -printf '%f\n' | sort | head -n 30 | while read -r name; do
        cp "$images/happy/$name" "$target/happy/"
        cp "$images/neutral/$name" "$target/neutral/"
    done
}

write_spec() {
    cat > "$work/scaling.yaml" <<EOF
name: scaling
datasetA: london-a
approaches: ["SL(c)", "SC(c)"]
trainFractions: [0.5]
augmentationRatios: [5]
repetitions: $repetitions
seed: 1
subjectDisjoint: auto
network: { stem: imagenet, width: 16 }
training: { epochs: $epochs, probeEpochs: $epochs, batchSize: 16, probeLearningRate: 0.05 }
EOF
}

start_azurite() {
    local blob queue table
    blob=$(free_port)
    queue=$(free_port)
    table=$(free_port)
    "$azurite" --blobHost 127.0.0.1 --blobPort "$blob" --queueHost 127.0.0.1 --queuePort "$queue" \
        --tableHost 127.0.0.1 --tablePort "$table" --location "$work/azurite" --loose --skipApiVersionCheck \
        > "$work/azurite.log" 2>&1 &
    pids+=($!)
    wait_for_line "$work/azurite.log" "Table service is successfully listening" 60
    # Azurite's fixed development account key, as in docs/cluster.md. It protects nothing.
    local key='Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=='
    export FER_STORAGE_CONNECTION_STRING="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$key;BlobEndpoint=http://127.0.0.1:$blob/devstoreaccount1;TableEndpoint=http://127.0.0.1:$table/devstoreaccount1;"
}

# Starts a silo in the background and waits until it is up: start_silo LOG STORE PROCESSORS CPU_SLOTS GATEWAY.
start_silo() {
    local log=$1 store=$2 processors=$3 slots=$4 gateway=$5
    DOTNET_PROCESSOR_COUNT=$processors dotnet exec "$fer_dll" silo --store "$store" --cpu-slots "$slots" \
        --gateway-port "$gateway" --silo-port "$(free_port)" --metrics-port 0 --verbose > "$log" 2>&1 &
    pids+=($!)
    wait_for_line "$log" "Silo up" 180
}

sample_load() {
    while true; do
        cut -d' ' -f1 /proc/loadavg >> "$1"
        sleep 5
    done
}

# Imports the images and times the sweep on the silo at gateway $2 with store $3, then prints one result line.
time_sweep() {
    local layout=$1 gateway=$2 store=$3
    fer data import --name london-a --folder "$work/london-a" --store "$store" --connect "$gateway" \
        > "$work/$layout-import.log" 2>&1
    local loads=$work/$layout-load.txt
    sample_load "$loads" &
    local sampler=$!
    local start end status=0
    start=$(date +%s.%N)
    fer sweep start "$work/scaling.yaml" --store "$store" --connect "$gateway" > "$work/$layout-sweep.log" 2>&1
    fer sweep watch scaling --store "$store" --connect "$gateway" >> "$work/$layout-sweep.log" 2>&1 || status=$?
    end=$(date +%s.%N)
    kill "$sampler"
    wait "$sampler" 2>/dev/null || true
    if [ "$status" -ne 0 ]; then
        echo "$layout: sweep watch exited with $status; see $work/$layout-sweep.log" >&2
        tail -n 20 "$work/$layout-sweep.log" >&2
        return 1
    fi
    fer sweep status scaling --store "$store" --connect "$gateway" > "$work/$layout-status.log" 2>&1
    local runs=$((2 * repetitions))
    python3 - "$layout" "$runs" "$start" "$end" "$loads" <<'EOF'
import sys
layout, runs, start, end, loads = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4]), sys.argv[5]
seconds = end - start
values = [float(line) for line in open(loads) if line.strip()]
print(f"{layout}\t{runs}\t{seconds:.1f}\t{runs * 3600 / seconds:.0f}\tload {min(values):.1f}-{max(values):.1f}")
EOF
}

run_layout() {
    local layout=$1 store=$work/$1-store gateway
    gateway=$(free_port)
    case $layout in
        1silo-1slot-2threads)
            start_silo "$work/$layout-silo.log" "$store" 2 1 "$gateway"
            time_sweep "$layout" "$gateway" "$store"
            ;;
        1silo-2slots-1thread)
            start_silo "$work/$layout-silo.log" "$store" 2 2 "$gateway"
            time_sweep "$layout" "$gateway" "$store"
            ;;
        1silo-1slot-1thread)
            start_silo "$work/$layout-silo.log" "$store" 1 1 "$gateway"
            time_sweep "$layout" "$gateway" "$store"
            ;;
        2silos-1slot-1thread)
            start_azurite
            export FER_CLUSTERING=azuretable FER_CLUSTER_ID="scaling-$$" FER_SERVICE_ID="scaling-$$"
            start_silo "$work/$layout-silo-a.log" "$store" 1 1 "$gateway"
            start_silo "$work/$layout-silo-b.log" "$store" 1 1 "$(free_port)"
            # Gives membership time to list both silos as active before the runs are placed (10 s is a guess).
            sleep 10
            time_sweep "$layout" "$gateway" "$store"
            unset FER_CLUSTERING FER_CLUSTER_ID FER_SERVICE_ID FER_STORAGE_CONNECTION_STRING
            ;;
        *)
            echo "unknown layout '$layout'; use 1silo-1slot-2threads, 1silo-2slots-1thread, 1silo-1slot-1thread or 2silos-1slot-1thread" >&2
            return 2
            ;;
    esac
    stop_all
}

if [ ! -f "$fer_dll" ]; then
    echo "$fer_dll is missing: run 'dotnet build -c Release src/FerOrleans.Cli' first" >&2
    exit 1
fi

prepare_images
write_spec
echo "work folder: $work"
layouts=("$@")
if [ ${#layouts[@]} -eq 0 ]; then
    layouts=(1silo-1slot-2threads 1silo-2slots-1thread 2silos-1slot-1thread)
fi
for layout in "${layouts[@]}"; do
    run_layout "$layout"
done
