package org.deadrelu.model.population;

/**
 * Repeats a row through a block of a Java array by doubling copies: the row, then two, four, ... rows
 * at once, so a block of many rows costs a few {@code System.arraycopy} calls rather than one per row.
 */
final class RepeatedRows {
  private RepeatedRows() {}

  /**
   * @param array a primitive array whose elements [base, base + rowLength) hold the row
   * @param block elements the repeated row fills from {@code base}, a whole number of rows
   */
  static void fill(Object array, int base, int rowLength, int block) {
    for (int have = rowLength; have < block; have *= 2) {
      System.arraycopy(array, base, array, base + have, Math.min(have, block - have));
    }
  }
}
