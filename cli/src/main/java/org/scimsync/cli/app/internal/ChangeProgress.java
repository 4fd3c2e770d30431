package org.scimsync.cli.app.internal;

import java.util.Objects;
import me.tongfei.progressbar.ProgressBar;
import org.scimsync.engine.apply.ChangeResult;
import org.scimsync.engine.apply.ProgressListener;

/**
 * Drives a terminal progress bar from the engine: its total is the number of planned changes, and
 * it steps once per change that ends (applied, failed or skipped).
 */
public final class ChangeProgress implements ProgressListener {

  private final ProgressBar bar;

  public ChangeProgress(ProgressBar bar) {
    this.bar = Objects.requireNonNull(bar, "bar");
  }

  @Override
  public void onPlanned(int total) {
    bar.maxHint(total);
  }

  @Override
  public void onChangeFinished(ChangeResult result) {
    bar.step();
  }
}
