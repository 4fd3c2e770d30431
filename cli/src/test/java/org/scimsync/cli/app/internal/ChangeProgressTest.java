package org.scimsync.cli.app.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.junit.jupiter.api.Test;
import org.scimsync.engine.apply.ChangeResult;
import org.scimsync.engine.plan.Change;
import org.scimsync.engine.state.ChangeOutcome;

class ChangeProgressTest {

  @Test
  void theBarShowsThePlannedTotalAndStepsOncePerFinishedChange() {
    List<String> rendered = new CopyOnWriteArrayList<>();
    ChangeResult done =
        new ChangeResult(
            new Change.CreateUser(
                "k1", "alice@example.org", JsonNodeFactory.instance.objectNode(), "h", "new"),
            ChangeOutcome.Result.APPLIED,
            null,
            "u1",
            null);
    ProgressBar bar =
        new ProgressBarBuilder()
            .setTaskName("changes")
            .setInitialMax(-1)
            .setConsumer(new DelegatingProgressBarConsumer(rendered::add, 120))
            .build();
    try (bar) {
      ChangeProgress progress = new ChangeProgress(bar);
      progress.onPlanned(3);
      progress.onChangeFinished(done);
      progress.onChangeFinished(done);
      assertThat(bar.getMax()).isEqualTo(3);
      assertThat(bar.getCurrent()).isEqualTo(2);
      progress.onChangeFinished(done);
    }
    assertThat(bar.getCurrent()).isEqualTo(3);
    assertThat(rendered).last().asString().contains("3/3").doesNotContain("?");
  }
}
