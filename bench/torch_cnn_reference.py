#!/usr/bin/env python3
"""PyTorch reference for Weight Studio's CNN: the same architecture as `train --arch cnn`
(conv 5x5 "same" -> ReLU -> max-pool 2x2 for each --filters entry, flatten, dense --hidden with
ReLU, dense 10), plain SGD (no momentum, no decay), the same batch size and learning rate, one
thread (torch.set_num_threads(1)), full MNIST read from the gzip IDX files in assets/mnist.

Prints one line:
  torch arch=cnn filters=F hidden=H batch=B lr=LR samples_per_s=S samples_per_cpu_s=C steps=N loss=L
The time is that of training steps after a warm-up of --warmup seconds, for at least --seconds:
loading and shuffling are left out. CPU time is the whole process's (time.process_time()).
With --epochs E it instead trains E full epochs and prints test_accuracy= after each.
"""
import argparse
import gzip
import os
import struct
import time

import numpy as np
import torch
from torch import nn


def read_idx(path):
    with gzip.open(path, "rb") as f:
        data = f.read()
    magic, = struct.unpack(">I", data[:4])
    dims = magic & 0xFF
    shape = struct.unpack(">" + "I" * dims, data[4:4 + 4 * dims])
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)


def load(folder, images, labels):
    x = read_idx(os.path.join(folder, images + "-idx3-ubyte.gz")).astype(np.float32) / 255.0
    y = read_idx(os.path.join(folder, labels + "-idx1-ubyte.gz")).astype(np.int64)
    return torch.from_numpy(x).reshape(-1, 1, 28, 28), torch.from_numpy(y)


def model(filters, hidden):
    layers, channels, size = [], 1, 28
    for f in filters:
        layers += [nn.Conv2d(channels, f, 5, padding=2), nn.ReLU(), nn.MaxPool2d(2)]
        channels, size = f, size // 2
    layers.append(nn.Flatten())
    features = channels * size * size
    for h in hidden:
        layers += [nn.Linear(features, h), nn.ReLU()]
        features = h
    layers.append(nn.Linear(features, 10))
    return nn.Sequential(*layers)


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--filters", default="8,16")
    p.add_argument("--hidden", default="")
    p.add_argument("--batch", type=int, default=64)
    p.add_argument("--lr", type=float, default=0.05)
    p.add_argument("--seconds", type=float, default=10)
    p.add_argument("--warmup", type=float, default=2)
    p.add_argument("--epochs", type=int, default=0)
    p.add_argument("--data", default=os.path.join(os.path.dirname(__file__), "..", "assets", "mnist"))
    a = p.parse_args()
    torch.set_num_threads(1)
    torch.manual_seed(42)
    filters = [int(f) for f in a.filters.split(",") if f]
    hidden = [int(h) for h in a.hidden.split(",") if h]
    x, y = load(a.data, "train-images", "train-labels")
    net = model(filters, hidden)
    opt = torch.optim.SGD(net.parameters(), lr=a.lr)
    loss_fn = nn.CrossEntropyLoss()
    g = torch.Generator().manual_seed(42)

    def step(xb, yb):
        opt.zero_grad(set_to_none=False)
        loss = loss_fn(net(xb), yb)
        loss.backward()
        opt.step()
        return loss

    label = "torch arch=cnn filters=%s hidden=%s batch=%d lr=%g" % (a.filters, a.hidden or "none", a.batch, a.lr)
    if a.epochs:
        tx, ty = load(a.data, "t10k-images", "t10k-labels")
        for epoch in range(1, a.epochs + 1):
            order = torch.randperm(len(x), generator=g)
            xs, ys = x[order], y[order]
            t0, c0 = time.perf_counter(), time.process_time()
            for s in range(0, len(x) - a.batch + 1, a.batch):
                step(xs[s:s + a.batch], ys[s:s + a.batch])
            wall, cpu = time.perf_counter() - t0, time.process_time() - c0
            with torch.no_grad():
                acc = (net(tx).argmax(1) == ty).float().mean().item()
            print("%s epoch=%d epoch_seconds=%.1f epoch_cpu_seconds=%.1f test_accuracy=%.4f"
                  % (label, epoch, wall, cpu, acc), flush=True)
        return

    order = torch.randperm(len(x), generator=g)
    xs, ys = x[order].contiguous(), y[order].contiguous()
    s = 0
    steps_total = len(x) // a.batch

    def run(seconds):
        nonlocal s
        steps, t0, c0 = 0, time.perf_counter(), time.process_time()
        while time.perf_counter() - t0 < seconds:
            i = (s % steps_total) * a.batch
            loss = step(xs[i:i + a.batch], ys[i:i + a.batch])
            s += 1
            steps += 1
        return steps, time.perf_counter() - t0, time.process_time() - c0, loss.item()

    run(a.warmup)
    steps, wall, cpu, loss = run(a.seconds)
    print("%s samples_per_s=%.0f samples_per_cpu_s=%.0f steps=%d loss=%.3f"
          % (label, steps * a.batch / wall, steps * a.batch / cpu, steps, loss), flush=True)


if __name__ == "__main__":
    main()
