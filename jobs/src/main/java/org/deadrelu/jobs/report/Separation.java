package org.deadrelu.jobs.report;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.linear.LinearConstraint;
import org.apache.commons.math3.optim.linear.LinearConstraintSet;
import org.apache.commons.math3.optim.linear.LinearObjectiveFunction;
import org.apache.commons.math3.optim.linear.NoFeasibleSolutionException;
import org.apache.commons.math3.optim.linear.Relationship;
import org.apache.commons.math3.optim.linear.SimplexSolver;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;

/**
 * Whether a logistic model's maximum-likelihood estimates exist (Albert and Anderson 1984): they do
 * not when some direction b of the coefficients separates the outcomes, x.b >= 0 wherever an event
 * happened and x.b <= 0 wherever one did not, strictly somewhere; the likelihood then keeps growing
 * along b and the coefficients that b moves are infinite. Found by linear programming, as R's
 * detectseparation does (Konis 2007): over the cone of such directions, within the box |b_j| <= 1,
 * maximize each b_j and -b_j; a coefficient that can move is infinite.
 */
final class Separation {
  private static final double TOLERANCE = 1e-7;

  private Separation() {}

  /**
   * {@code x}: one row per observation group, its last column the intercept's 1; {@code events} and
   * {@code nonEvents}: how many of each the group had. Returns the indices of the columns whose
   * estimates are infinite (empty: the estimates exist, given that no column is a combination of others).
   */
  static List<Integer> infinite(double[][] x, double[] events, double[] nonEvents) {
    int p = x.length == 0 ? 0 : x[0].length;
    List<LinearConstraint> cone = new ArrayList<>();
    for (int i = 0; i < x.length; i++) {
      if (events[i] > 0) {
        cone.add(new LinearConstraint(x[i], Relationship.GEQ, 0));
      }
      if (nonEvents[i] > 0) {
        cone.add(new LinearConstraint(x[i], Relationship.LEQ, 0));
      }
    }
    // the box, with b_j = u_j - 1 so that every variable is non-negative as the simplex wants them
    List<LinearConstraint> all = new ArrayList<>();
    for (LinearConstraint c : cone) {
      double shift = 0;
      for (double v : c.getCoefficients().toArray()) {
        shift += v;
      }
      all.add(new LinearConstraint(c.getCoefficients(), c.getRelationship(), shift));
    }
    for (int j = 0; j < p; j++) {
      double[] e = new double[p];
      e[j] = 1;
      all.add(new LinearConstraint(e, Relationship.LEQ, 2));
    }
    List<Integer> out = new ArrayList<>();
    for (int j = 0; j < p; j++) {
      for (GoalType goal : new GoalType[] {GoalType.MAXIMIZE, GoalType.MINIMIZE}) {
        double[] e = new double[p];
        e[j] = 1;
        try {
          PointValuePair best = new SimplexSolver().optimize(new MaxIter(10_000), new LinearObjectiveFunction(e, 0),
              new LinearConstraintSet(all), goal, new org.apache.commons.math3.optim.linear.NonNegativeConstraint(true));
          double bj = best.getPoint()[j] - 1;
          if (Math.abs(bj) > TOLERANCE) {
            out.add(j);
            break;
          }
        } catch (NoFeasibleSolutionException e2) {
          // b = 0 is always feasible; not reached
        }
      }
    }
    return out;
  }
}
