package org.deadrelu.model.result;

import java.io.Serializable;

/**
 * Losses at one logged step: a checkpoint (probe and held-out measures), the end of an online-error
 * window (the loss and error on the examples trained on during it), or both.
 *
 * @param task the task in force: that of the last training step before {@code step} (0 at step 0,
 *     and always 0 on data whose task does not change)
 * @param trainLoss mean minibatch loss over the steps since the previous checkpoint; null at step 0
 *     and where this is not a checkpoint
 * @param probeLoss null where this is not a checkpoint
 * @param probeAccuracy null for regression
 * @param testLoss null when nothing is held out
 * @param onlineLoss mean training loss of the steps of the window that ends here, each on its batch
 *     before that batch's update; null where no window ends here
 * @param onlineError the share of those steps' examples whose predicted class was wrong; null for
 *     regression and where no window ends here
 * @param warmingOffset the bias-warming offset in force (0 without warming)
 */
public record CurvePoint(
    int step,
    int task,
    Double trainLoss,
    Double probeLoss,
    Double probeAccuracy,
    Double testLoss,
    Double testAccuracy,
    Double onlineLoss,
    Double onlineError,
    double lr,
    double warmingOffset)
    implements Serializable {

  /** A checkpoint's point, no window ending at it. */
  public static CurvePoint checkpoint(int step, int task, Double trainLoss, double probeLoss, Double probeAccuracy,
      Double testLoss, Double testAccuracy, double lr, double warmingOffset) {
    return new CurvePoint(step, task, trainLoss, probeLoss, probeAccuracy, testLoss, testAccuracy, null, null, lr,
        warmingOffset);
  }

  /** The end of a window, no checkpoint at it. */
  public static CurvePoint window(int step, int task, double onlineLoss, Double onlineError, double lr,
      double warmingOffset) {
    return new CurvePoint(step, task, null, null, null, null, null, onlineLoss, onlineError, lr, warmingOffset);
  }

  /** Whether the probe measured at this step. */
  public boolean isCheckpoint() {
    return probeLoss != null;
  }

  /** This checkpoint's point with the window that ends at the same step. */
  public CurvePoint withWindow(CurvePoint window) {
    return new CurvePoint(step, task, trainLoss, probeLoss, probeAccuracy, testLoss, testAccuracy, window.onlineLoss,
        window.onlineError, lr, warmingOffset);
  }

  /** The same point with another train loss (a divergence measured off schedule carries its step's own). */
  public CurvePoint withTrainLoss(Double loss) {
    return new CurvePoint(step, task, loss, probeLoss, probeAccuracy, testLoss, testAccuracy, onlineLoss, onlineError,
        lr, warmingOffset);
  }
}
