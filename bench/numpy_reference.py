#!/usr/bin/env python3
"""Reference trainer for Weight Studio's benchmark: softmax regression (784 -> 10) by minibatch
SGD in plain numpy, written the way a user would write it. Zero init, the same batch size and
learning rate as the studio, full MNIST read from the gzip IDX files.

Prints one line per batch size:
  numpy batch=B lr=LR samples_per_s=S samples_per_cpu_s=C epochs=E epoch_seconds=T test_accuracy=A
The time is that of the update loops of whole epochs, at least --min-seconds of them: loading,
the epochs' shuffles and the evaluation are left out (numpy has no JIT to warm up). The test
accuracy is taken after the first epoch.
"""
import argparse
import gzip
import os
import struct
import sys
import time

import numpy as np


def read_idx(path):
    with gzip.open(path, "rb") as f:
        data = f.read()
    magic, = struct.unpack(">I", data[:4])
    dims = magic & 0xFF
    shape = struct.unpack(">" + "I" * dims, data[4:4 + 4 * dims])
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)


def load(folder):
    def part(images, labels):
        x = read_idx(os.path.join(folder, images + "-idx3-ubyte.gz"))
        y = read_idx(os.path.join(folder, labels + "-idx1-ubyte.gz"))
        return x.reshape(len(x), -1).astype(np.float32) / 255.0, y.astype(np.int64)
    return part("train-images", "train-labels"), part("t10k-images", "t10k-labels")


def softmax(z):
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def train_epoch(x, y, w, b, batch, lr, rng):
    """One epoch of minibatch SGD; returns the wall and CPU seconds spent in the updates.

    CPU time is the whole process's (OpenBLAS threads included): on a busy machine it is
    disturbed far less than wall time.

    The epoch's shuffle (a permuted copy of the data, so that batches are contiguous slices) is
    left out of the time: that favours numpy, so the ratios printed against it are conservative.
    """
    onehot = np.eye(10, dtype=np.float32)[y]
    order = rng.permutation(len(x))
    xs, ys = x[order], onehot[order]
    t0, c0 = time.perf_counter(), time.process_time()
    for start in range(0, len(x) - batch + 1, batch):
        xb = xs[start:start + batch]
        yb = ys[start:start + batch]
        p = softmax(xb @ w + b)
        g = (p - yb) / batch          # dL/dz, averaged over the batch
        w -= lr * (xb.T @ g)
        b -= lr * g.sum(axis=0)
    return time.perf_counter() - t0, time.process_time() - c0


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=os.path.join(os.path.dirname(__file__), "..", "assets", "mnist"))
    ap.add_argument("--runs", default="2:0.05,100:0.5",
                    help="comma-separated batch:lr pairs (default 2:0.05,100:0.5)")
    ap.add_argument("--min-seconds", type=float, default=1.0,
                    help="train whole epochs until the updates took this long (default 1.0), so that "
                         "a short epoch is not timed alone on a busy machine")
    args = ap.parse_args()
    (x, y), (xt, yt) = load(args.data)
    for run in args.runs.split(","):
        batch, lr = run.split(":")
        batch, lr = int(batch), float(lr)
        n = len(x) // batch * batch
        w = np.zeros((784, 10), dtype=np.float32)
        b = np.zeros(10, dtype=np.float32)
        rng = np.random.default_rng(42)
        times = [train_epoch(x, y, w, b, batch, np.float32(lr), rng)]
        acc = float(((xt @ w + b).argmax(axis=1) == yt).mean())  # after the first epoch
        while sum(t[0] for t in times) < args.min_seconds:
            times.append(train_epoch(x, y, w, b, batch, np.float32(lr), rng))
        wall = sum(t[0] for t in times)
        cpu = sum(t[1] for t in times)
        samples = n * len(times)
        print(f"numpy batch={batch} lr={lr} samples_per_s={samples / wall:.0f} "
              f"samples_per_cpu_s={samples / cpu:.0f} epochs={len(times)} "
              f"epoch_seconds={times[0][0]:.2f} test_accuracy={acc:.4f}", flush=True)


if __name__ == "__main__":
    sys.exit(main())
