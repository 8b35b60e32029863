package org.deadrelu.model.net;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The passes of finished populations, kept per thread for the next population of the same shape.
 * A task trains population after population of one shape, and a probe pass of 64 networks over 256
 * rows is tens of megabytes: allocated afresh each time, its pages are faulted in and zeroed by the
 * kernel, zeroed again by ND4J and later freed by the garbage collector's deallocator, which on small
 * networks cost more than their probing. A pass taken from the pool is zeroed first, so a population
 * sees exactly the buffers a fresh pass would give it.
 *
 * <p>The pool holds at most the bytes of the last population's passes: no more than that population
 * held while it trained. A pass it lets go is closed at once.
 */
public final class PassPool {
  private static final ThreadLocal<ArrayDeque<Pass>> FREE = ThreadLocal.withInitial(ArrayDeque::new);

  private PassPool() {}

  /** A pass of this shape: a kept one, zeroed, or a new one. */
  static Pass take(int population, int[] sizes, int rows, DataType dtype) {
    Iterator<Pass> it = FREE.get().iterator();
    while (it.hasNext()) {
      Pass p = it.next();
      if (p.population == population && p.rows == rows && p.dtype == dtype && Arrays.equals(p.sizes, sizes)) {
        it.remove();
        p.clear();
        return p;
      }
    }
    return new Pass(population, sizes, rows, dtype);
  }

  /** Keeps a finished population's passes, letting go of the oldest kept ones beyond their total size. */
  static void give(Collection<Pass> passes) {
    ArrayDeque<Pass> free = FREE.get();
    long limit = 0;
    for (Pass p : passes) {
      limit += p.bytes();
      free.addFirst(p);
    }
    long held = 0;
    for (Pass p : free) {
      held += p.bytes();
    }
    while (held > limit) {
      Pass oldest = free.removeLast();
      held -= oldest.bytes();
      oldest.close();
    }
  }

  /** Passes kept by the calling thread (for tests). */
  static int kept() {
    return FREE.get().size();
  }
}
