"""Slowly-changing regression trained online in numpy, vectorized over a population of networks.

The baseline the engine's reference (d) is compared with: what a researcher writes instead of a
sweep tool, a 20-5-1 ReLU network (biases included) trained by plain SGD on the squared error at
batch 1, N networks at once with batched matrix products. Each network has its own target network
(100 linear threshold units, weights and biases +-1, thresholds beta (m + 1) - S as Dohare et al.
define them, beta 0.7) and its own input stream: 15 slow bits redrawn every T steps, 5 bits drawn
afresh every step.

Prints one line: "numpy-scr NETWORKS STEPS SECONDS US_PER_NETWORK_STEP".
Usage: python3 slowly_changing_numpy.py NETWORKS STEPS [PERIOD]
"""
import sys
import time

import numpy as np


def main():
    n = int(sys.argv[1])
    steps = int(sys.argv[2])
    period = int(sys.argv[3]) if len(sys.argv) > 3 else 10_000
    m, f, k, hidden, beta, lr = 20, 15, 100, 5, 0.7, 0.01
    rng = np.random.default_rng(0)
    # target networks: weights and biases +-1; threshold per unit from the count of -1 weights
    tw = rng.choice([-1.0, 1.0], size=(n, m, k))
    tb = rng.choice([-1.0, 1.0], size=(n, 1, k))
    tv = rng.choice([-1.0, 1.0], size=(n, k, 1))
    tc = rng.choice([-1.0, 1.0], size=(n, 1, 1))
    s = (m - tw.sum(axis=1, keepdims=True) + tb) / 2.0
    tau = beta * (m + 1) - s
    # learners: He-normal weights, zero biases
    w1 = rng.normal(0, np.sqrt(2.0 / m), size=(n, m, hidden)).astype(np.float32)
    b1 = np.zeros((n, 1, hidden), np.float32)
    w2 = rng.normal(0, np.sqrt(2.0 / hidden), size=(n, hidden, 1)).astype(np.float32)
    b2 = np.zeros((n, 1, 1), np.float32)
    x = np.zeros((n, 1, m))
    started = time.perf_counter()
    for t in range(steps):
        if t % period == 0:
            x[:, :, :f] = rng.integers(0, 2, size=(n, 1, f))
        x[:, :, f:] = rng.integers(0, 2, size=(n, 1, m - f))
        y = ((np.matmul(x, tw) + tb > tau).astype(np.float64) @ tv + tc).astype(np.float32)
        xf = x.astype(np.float32)
        z = np.matmul(xf, w1) + b1
        h = np.maximum(z, 0)
        out = np.matmul(h, w2) + b2
        d_out = out - y  # d(0.5 (out - y)^2) / d out
        d_h = np.matmul(d_out, w2.transpose(0, 2, 1)) * (z > 0)
        w2 -= lr * np.matmul(h.transpose(0, 2, 1), d_out)
        b2 -= lr * d_out
        w1 -= lr * np.matmul(xf.transpose(0, 2, 1), d_h)
        b1 -= lr * d_h
    seconds = time.perf_counter() - started
    print("numpy-scr %d %d %.4f %.4f" % (n, steps, seconds, seconds / (n * steps) * 1e6))


if __name__ == "__main__":
    main()
