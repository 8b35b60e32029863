package org.deadrelu.jobs.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Row;

/** Which columns of a design matrix carry information of their own, for a fit that has an intercept. */
final class Collinearity {
  private Collinearity() {}

  /**
   * The columns of {@code x} that are not (to a relative 1e-5 of their length) a linear combination
   * of a column of ones and the columns kept before them: modified Gram-Schmidt.
   */
  static List<Integer> independentColumns(List<Row> x, int columns) {
    int n = x.size();
    List<double[]> basis = new ArrayList<>();
    double[] ones = new double[n];
    Arrays.fill(ones, 1 / Math.sqrt(Math.max(n, 1)));
    basis.add(ones);
    List<Integer> keep = new ArrayList<>();
    for (int j = 0; j < columns; j++) {
      double[] v = new double[n];
      for (int i = 0; i < n; i++) {
        v[i] = x.get(i).getDouble(j);
      }
      double before = dot(v, v);
      for (double[] q : basis) {
        double c = dot(q, v);
        for (int i = 0; i < n; i++) {
          v[i] -= c * q[i];
        }
      }
      double after = dot(v, v);
      if (before > 0 && after > 1e-10 * before) {
        double norm = Math.sqrt(after);
        for (int i = 0; i < n; i++) {
          v[i] /= norm;
        }
        basis.add(v);
        keep.add(j);
      }
    }
    return keep;
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }
}
