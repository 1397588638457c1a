#!/usr/bin/python3
"""Projects the wall time of the paper preset's 840 runs from costs measured with `fer bench run`.

Every step of the preset trains on 32 views, so one measured step time covers all training steps.
The step counts follow src/FerOrleans.Learning/Batches/BatchBuilder.cs: an epoch has
ceil(r x |train| / images of A per step) steps, and the linear probe takes ceil(r x |train| / 32).
|train| is classes x round(split x minority class size), as BalancedSplitter takes it, and the other images
are halved into validation and test. The minority class size is a parameter. CAFE has 1192 images in
7 classes, so its smallest class has at most 170. Evaluating one image is costed at a probe step's
time divided by its 32 images (an estimate: both run the encoder forward only).

Example (seconds, from `fer bench run` on one slot; see docs/benchmarks.md):
  project.py --step 1.26 --probe-step 0.36 --checkpoint 0.62 --sl-checkpoint 0.71
"""

import argparse
import math

# Images of data set A in one 32-view step, per approach (BatchBuilder's target per step).
IMAGES_OF_A_PER_STEP = {
    "SL(c)": 32, "SL(c+a)": 16, "SC(c)": 16, "SC(c+a)": 8, "SC(c<-a)": 16, "UC(c)": 16, "UC(c+a)": 8,
}
PROBE_IMAGES_PER_STEP = 32


def train_size(split, args):
    """Training images of a balanced split: per class, round(split x minority), halves away from zero."""
    return args.classes * math.floor(split * args.minority + 0.5)


def run_seconds(approach, split, ratio, args):
    """Return the projected seconds of one run. SL has no probe, and SC and UC end with the linear probe."""
    train = train_size(split, args)
    held_out = (args.images - train) // 2                    # validation images, and about as many test images
    evaluation = held_out * args.probe_step / PROBE_IMAGES_PER_STEP
    steps = math.ceil(ratio * train / IMAGES_OF_A_PER_STEP[approach])
    if approach.startswith("SL"):
        return args.epochs * (steps * args.step + args.sl_checkpoint + evaluation) + evaluation
    probe_steps = math.ceil(ratio * train / PROBE_IMAGES_PER_STEP)
    return (args.epochs * (steps * args.step + args.checkpoint)
            + args.probe_epochs * (probe_steps * args.probe_step + args.checkpoint + evaluation)
            + evaluation)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--step", type=float, required=True, help="seconds of one 32-view training step")
    parser.add_argument("--probe-step", type=float, required=True, help="seconds of one 32-image probe step")
    parser.add_argument("--checkpoint", type=float, required=True,
                        help="seconds of a contrastive epoch end, which stores a checkpoint and evaluates nothing")
    parser.add_argument("--sl-checkpoint", type=float, required=True,
                        help="seconds of an SL epoch end less its validation")
    parser.add_argument("--epochs", type=int, default=250)
    parser.add_argument("--probe-epochs", type=int, default=50)
    parser.add_argument("--splits", type=float, nargs="+", default=[0.5, 0.7, 0.9])
    parser.add_argument("--ratios", type=int, nargs="+", default=[1, 5, 10, 20])
    parser.add_argument("--repetitions", type=int, default=10)
    parser.add_argument("--images", type=int, default=1192, help="images in data set A (CAFE: 1192)")
    parser.add_argument("--classes", type=int, default=7, help="classes of data set A (CAFE: 7)")
    parser.add_argument("--minority", type=int, default=170, help="images in A's smallest class (CAFE: at most 170)")
    parser.add_argument("--every-run", action="store_true", help="also print one row per configuration")
    args = parser.parse_args()

    rows = [(approach, split, ratio, run_seconds(approach, split, ratio, args))
            for approach in IMAGES_OF_A_PER_STEP for split in args.splits for ratio in args.ratios]
    if args.every_run:
        print("| approach | split | ratio | train images | one run, hours |")
        print("|---|---:|---:|---:|---:|")
        for approach, split, ratio, seconds in rows:
            print(f"| {approach} | {split} | {ratio} | {train_size(split, args)} | {seconds / 3600:.2f} |")
    print(f"| approach | shortest run, hours | longest run, hours | its {args.repetitions} x "
          f"{len(args.splits) * len(args.ratios)} runs, slot-hours |")
    print("|---|---:|---:|---:|")
    for approach in IMAGES_OF_A_PER_STEP:
        times = [seconds for name, _, _, seconds in rows if name == approach]
        print(f"| {approach} | {min(times) / 3600:.1f} | {max(times) / 3600:.1f} | "
              f"{args.repetitions * sum(times) / 3600:,.0f} |")
    total = args.repetitions * sum(seconds for *_, seconds in rows)
    print(f"{args.repetitions * len(rows)} runs: {total / 3600:,.0f} slot-hours, "
          f"{total / 86400 / 365.25:.1f} slot-years on one slot")

if __name__ == "__main__":
    main()
