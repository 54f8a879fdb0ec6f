#!/usr/bin/env python3
"""Reference trainer for Weight Studio's MLP benchmark: 784 -> H -> 10 with ReLU in PyTorch (CPU,
one thread), plain SGD (no momentum, no weight decay), softmax cross-entropy, written the way a
user would write it. Full MNIST from the gzip IDX files (assets/mnist or ../shared/datasets/mnist).

Prints one line per batch size:
  torch batch=B hidden=H lr=LR samples_per_s=S samples_per_cpu_s=C steps=N
The time is that of the training steps only (at least --min-seconds of them, after --warmup
seconds): loading and the epoch's shuffle are left out, which favours PyTorch.

  /work/venv/bin/python bench/torch_mlp_reference.py --runs 2,64 --hidden 64
"""
import argparse
import gzip
import os
import struct
import time

import numpy as np
import torch


def read_idx(path):
    with gzip.open(path, "rb") as f:
        data = f.read()
    magic, = struct.unpack(">I", data[:4])
    dims = magic & 0xFF
    shape = struct.unpack(">" + "I" * dims, data[4:4 + 4 * dims])
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)


def find_mnist():
    here = os.path.dirname(os.path.abspath(__file__))
    for folder in (os.path.join(here, "..", "assets", "mnist"), os.path.join(here, "..", "..", "shared", "datasets", "mnist"),
                   "/work/shared/datasets/mnist"):
        if os.path.exists(os.path.join(folder, "train-images-idx3-ubyte.gz")):
            return folder
    raise SystemExit("torch_mlp_reference.py: MNIST not found in assets/mnist or ../shared/datasets/mnist")


def load(folder, prefix):
    x = read_idx(os.path.join(folder, prefix + "-images-idx3-ubyte.gz"))
    y = read_idx(os.path.join(folder, prefix + "-labels-idx1-ubyte.gz"))
    return (torch.from_numpy(x.reshape(len(x), -1).astype(np.float32) / 255.0),
            torch.from_numpy(y.astype(np.int64)))


def model(hidden):
    layers, size = [], 784
    for h in hidden:
        layers += [torch.nn.Linear(size, h), torch.nn.ReLU()]
        size = h
    layers.append(torch.nn.Linear(size, 10))
    return torch.nn.Sequential(*layers)


def run(x, y, batch, lr, hidden, warmup, seconds):
    torch.manual_seed(42)
    net = model(hidden)
    opt = torch.optim.SGD(net.parameters(), lr=lr)
    loss_fn = torch.nn.CrossEntropyLoss()
    g = torch.Generator().manual_seed(42)
    order = torch.randperm(len(x), generator=g)
    xs, ys = x[order], y[order]
    per_epoch = len(x) // batch

    def steps(count, start):
        for s in range(start, start + count):
            i = (s % per_epoch) * batch
            xb, yb = xs[i:i + batch], ys[i:i + batch]
            opt.zero_grad()
            loss = loss_fn(net(xb), yb)
            loss.backward()
            opt.step()
        return start + count

    chunk = max(1, 2000 // batch)
    done, t0 = 0, time.perf_counter()
    while time.perf_counter() - t0 < warmup:
        done = steps(chunk, done)
    n, t0, c0 = 0, time.perf_counter(), time.process_time()
    while time.perf_counter() - t0 < seconds:
        done = steps(chunk, done)
        n += chunk
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    return n, n * batch / wall, n * batch / cpu


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--runs", default="2,64", help="batch sizes, comma-separated")
    p.add_argument("--hidden", default="64", help="hidden sizes, e.g. 64 or 128,64")
    p.add_argument("--lr", type=float, default=0.1)
    p.add_argument("--min-seconds", type=float, default=2.0)
    p.add_argument("--warmup", type=float, default=0.5)
    a = p.parse_args()
    torch.set_num_threads(1)
    x, y = load(find_mnist(), "train")
    hidden = [int(h) for h in a.hidden.split(",")]
    for batch in (int(b) for b in a.runs.split(",")):
        n, wall, cpu = run(x, y, batch, a.lr, hidden, a.warmup, a.min_seconds)
        print("torch batch=%d hidden=%s lr=%s samples_per_s=%.0f samples_per_cpu_s=%.0f steps=%d"
              % (batch, a.hidden, a.lr, wall, cpu, n), flush=True)


if __name__ == "__main__":
    main()
