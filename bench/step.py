#!/usr/bin/python3
"""PyTorch peer of `fer bench step`: the same SupCon training step on the same network.

The network matches src/FerOrleans.Learning/Network (ResNet-18 with BasicBlock [2, 2, 2, 2], one
input channel, CIFAR or ImageNet stem, configurable width, global average pooling, then the
projection head Linear(8w, 512), ReLU, Linear(512, 128) and L2 normalisation). The loss is SupCon
with contrast mode "all" and tau = 0.07; the optimiser is SGD (lr 0.05, momentum 0.9, weight decay
1e-4). Weights use torch's default initialisation, not the project's.

Two modes:
  step.py --stem imagenet --width 64 --threads 1 [--steps 5 --warmup 2]
      measures one configuration and prints one JSON line.
  step.py --serve
      reads requests "STEM WIDTH THREADS STEPS WARMUP" from standard input, one a line, and
      responds to each with one JSON line. `fer bench step --peer` drives it this way, so the
      two implementations run interleaved in one measurement.

Run it with Debian's /usr/bin/python3 (python3-torch, PyTorch 1.13, the version it was measured with).
"""

import argparse
import json
import statistics
import sys
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

IMAGES = 32
VIEWS = 2
SIZE = 48
CLASSES = 7
TEMPERATURE = 0.07


class BasicBlock(nn.Module):
    def __init__(self, in_channels, out_channels, stride):
        super().__init__()
        self.conv1 = nn.Conv2d(in_channels, out_channels, 3, stride, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(out_channels)
        self.conv2 = nn.Conv2d(out_channels, out_channels, 3, 1, 1, bias=False)
        self.bn2 = nn.BatchNorm2d(out_channels)
        self.shortcut = None
        if stride != 1 or in_channels != out_channels:
            self.shortcut = nn.Sequential(
                nn.Conv2d(in_channels, out_channels, 1, stride, bias=False),
                nn.BatchNorm2d(out_channels))

    def forward(self, x):
        residual = x if self.shortcut is None else self.shortcut(x)
        hidden = self.bn1(self.conv1(x)).relu_()  # in place, as src/FerOrleans.Learning/Network/BasicBlock.cs
        return self.bn2(self.conv2(hidden)).add_(residual).relu_()


def stage(in_channels, out_channels, stride):
    return nn.Sequential(BasicBlock(in_channels, out_channels, stride),
                         BasicBlock(out_channels, out_channels, 1))


class ResNet18(nn.Module):
    def __init__(self, stem, width):
        super().__init__()
        if stem == "cifar":
            self.stem = nn.Sequential(nn.Conv2d(1, width, 3, 1, 1, bias=False),
                                      nn.BatchNorm2d(width), nn.ReLU(inplace=True))
        else:
            self.stem = nn.Sequential(nn.Conv2d(1, width, 7, 2, 3, bias=False),
                                      nn.BatchNorm2d(width), nn.ReLU(inplace=True),
                                      nn.MaxPool2d(3, 2, 1))
        self.layer1 = stage(width, width, 1)
        self.layer2 = stage(width, 2 * width, 2)
        self.layer3 = stage(2 * width, 4 * width, 2)
        self.layer4 = stage(4 * width, 8 * width, 2)

    def forward(self, x):
        x = self.layer4(self.layer3(self.layer2(self.layer1(self.stem(x)))))
        return F.adaptive_avg_pool2d(x, 1).flatten(1)  # [batch, 8w]


class ProjectionHead(nn.Module):
    def __init__(self, width):
        super().__init__()
        self.hidden = nn.Linear(8 * width, 512)
        self.output = nn.Linear(512, 128)

    def forward(self, r):
        return F.normalize(self.output(F.relu(self.hidden(r))), p=2, dim=1)  # [batch, 128]


def supcon(features, labels, tau):
    """SupCon of features [images, views, dim] with labels [images]; mean over all anchors."""
    images, views, dim = features.shape
    anchors = images * views
    contrast = features.transpose(0, 1).reshape(anchors, dim)  # [anchors, dim], view-major
    self_mask = torch.eye(anchors, dtype=torch.bool, device=features.device)
    logits = (contrast @ contrast.T / tau).masked_fill(self_mask, float("-inf"))
    log_prob = logits - logits.logsumexp(1, keepdim=True)  # [anchors, anchors]
    ids = labels.repeat(views)
    positive = (ids[:, None] == ids[None, :]) & ~self_mask
    positive_sum = torch.where(positive, log_prob, torch.zeros(1, device=features.device)).sum(1)
    count = positive.sum(1).to(features.dtype).clamp_min(1)
    return (-(positive_sum / count)).mean()


def measure(stem, width, threads, steps, warmup):
    torch.set_num_threads(threads)
    torch.manual_seed(1)
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    encoder = ResNet18(stem, width).to(device)
    head = ProjectionHead(width).to(device)
    parameters = list(encoder.parameters()) + list(head.parameters())
    optimizer = torch.optim.SGD(parameters, lr=0.05, momentum=0.9, weight_decay=1e-4)
    images = torch.randn(VIEWS * IMAGES, 1, SIZE, SIZE, device=device)  # [views x images, 1, 48, 48]
    labels = torch.randint(0, CLASSES, (IMAGES,), device=device)
    encoder.train()
    head.train()
    times = []
    loss = float("nan")
    for i in range(warmup + steps):
        start = time.perf_counter()
        optimizer.zero_grad()
        embeddings = head(encoder(images))  # [views x images, 128]
        features = embeddings.view(VIEWS, IMAGES, -1).transpose(0, 1)  # [images, views, 128]
        value = supcon(features, labels, TEMPERATURE)
        value.backward()
        optimizer.step()
        loss = value.item()  # waits for the device, so the step time is complete
        if i >= warmup:
            times.append(time.perf_counter() - start)
    median = statistics.median(times)
    return {
        "impl": "pytorch " + torch.__version__ + " " + device.type,
        "stem": stem,
        "width": width,
        "threads": threads,
        "steps": steps,
        "median_ms": median * 1000.0,
        "images_per_s": VIEWS * IMAGES / median,
        "step_ms": [t * 1000.0 for t in times],
        "loss": loss,
    }


def serve():
    for line in sys.stdin:
        fields = line.split()
        if not fields:
            continue
        if len(fields) != 5 or fields[0] not in ("cifar", "imagenet"):
            print(json.dumps({"error": "expected 'STEM WIDTH THREADS STEPS WARMUP', got: " + line.strip()}),
                  flush=True)
            continue
        stem, width, threads, steps, warmup = fields[0], *map(int, fields[1:])
        print(json.dumps(measure(stem, width, threads, steps, warmup)), flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--serve", action="store_true", help="serve requests from standard input")
    parser.add_argument("--stem", choices=["cifar", "imagenet"], default="imagenet")
    parser.add_argument("--width", type=int, default=64, help="channels of the first stage")
    parser.add_argument("--threads", type=int, default=1, help="torch intra-op threads")
    parser.add_argument("--steps", type=int, default=5, help="measured steps")
    parser.add_argument("--warmup", type=int, default=2, help="steps run before measuring")
    args = parser.parse_args()
    if args.serve:
        serve()
    else:
        print(json.dumps(measure(args.stem, args.width, args.threads, args.steps, args.warmup)))


if __name__ == "__main__":
    main()
