package org.deadrelu.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How much CPU other processes used while a section ran: busy time of the whole machine
 * (/proc/stat) minus this harness's and its reaped children's (/proc/self/stat), per second of wall
 * time, in cores. Read it after the section's child JVMs have exited (a child's time is counted when
 * it is reaped), and processes the section started detached (a standalone cluster's daemons, which
 * are not its children) through {@link #countAsOwn}. NaN where /proc is not readable.
 */
final class CpuMeter {
  /** USER_HZ, the unit of /proc/stat and /proc/self/stat on Linux. */
  private static final double TICKS = 100.0;

  private final long busy;
  private final long own;
  private final long nanos;
  /** Ticks of detached processes the section started, counted as its own. */
  private long detached;

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
    return Math.max(0, ((b - busy) - (o - own) - detached) / TICKS / seconds);
  }

  /**
   * Counts a detached process the section started (not a child of this harness) as its own: its CPU
   * and that of the children it reaped, such as a Spark worker's executors. Read it before it exits:
   * a process that has exited has no accounting left to read. Unreadable processes are skipped.
   */
  void countAsOwn(long pid) {
    long ticks = ticks(Path.of("/proc", String.valueOf(pid), "stat"));
    if (ticks > 0) {
      detached += ticks;
    }
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
    return ticks(Path.of("/proc/self/stat"));
  }

  /** A process's CPU ticks with its reaped children's, from its stat file; -1 if unreadable. */
  private static long ticks(Path stat) {
    try {
      String s = Files.readString(stat);
      String[] f = s.substring(s.lastIndexOf(')') + 2).trim().split("\\s+");
      // f[0] is field 3 (state): utime 14, stime 15, cutime 16, cstime 17
      return Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]);
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }
}
