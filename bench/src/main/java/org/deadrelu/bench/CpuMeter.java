package org.deadrelu.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How much CPU other processes used while a section ran: busy time of the whole machine
 * (/proc/stat) minus this harness's and its reaped children's (/proc/self/stat), per second of wall
 * time, in cores. Read it after the section's child JVMs have exited (a child's time is counted when
 * it is reaped). NaN where /proc is not readable.
 */
final class CpuMeter {
  /** USER_HZ, the unit of /proc/stat and /proc/self/stat on Linux. */
  private static final double TICKS = 100.0;

  private final long busy;
  private final long own;
  private final long nanos;

  private CpuMeter(long busy, long own, long nanos) {
    this.busy = busy;
    this.own = own;
    this.nanos = nanos;
  }

  static CpuMeter start() {
    return new CpuMeter(machineBusy(), ownAndChildren(), System.nanoTime());
  }

  /** Cores' worth of CPU that other processes used since {@link #start}. */
  double foreignCores() {
    long b = machineBusy();
    long o = ownAndChildren();
    if (b < 0 || o < 0 || busy < 0 || own < 0) {
      return Double.NaN;
    }
    double seconds = (System.nanoTime() - nanos) / 1e9;
    return Math.max(0, ((b - busy) - (o - own)) / TICKS / seconds);
  }

  private static long machineBusy() {
    try {
      String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
      // cpu user nice system idle iowait irq softirq steal ...
      return Long.parseLong(f[1]) + Long.parseLong(f[2]) + Long.parseLong(f[3]) + Long.parseLong(f[6])
          + Long.parseLong(f[7]) + (f.length > 8 ? Long.parseLong(f[8]) : 0);
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  private static long ownAndChildren() {
    try {
      String s = Files.readString(Path.of("/proc/self/stat"));
      String[] f = s.substring(s.lastIndexOf(')') + 2).trim().split("\\s+");
      // f[0] is field 3 (state): utime 14, stime 15, cutime 16, cstime 17
      return Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]);
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }
}
