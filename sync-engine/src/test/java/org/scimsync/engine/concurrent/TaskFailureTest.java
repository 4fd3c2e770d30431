package org.scimsync.engine.concurrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/** What a waiting thread rethrows of a task's failure. */
class TaskFailureTest {

  @Test
  void anUncheckedFailureComesBackAsItWasThrown() {
    IllegalArgumentException thrown = new IllegalArgumentException("bad entry");

    assertThat(TaskFailure.unwrap(new ExecutionException(thrown), "mapping")).isSameAs(thrown);
    assertThat(TaskFailure.unwrap(new CompletionException(thrown), "read")).isSameAs(thrown);
  }

  @Test
  void anErrorIsThrownAsItIs() {
    OutOfMemoryError error = new OutOfMemoryError("heap");

    assertThatThrownBy(() -> TaskFailure.unwrap(new ExecutionException(error), "mapping"))
        .isSameAs(error);
  }

  @Test
  void aCheckedFailureIsWrappedSayingWhatFailed() {
    IOException checked = new IOException("disk");

    RuntimeException unwrapped =
        TaskFailure.unwrap(new ExecutionException(checked), "a mapping thread failed");

    assertThat(unwrapped)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("a mapping thread failed")
        .hasCause(checked);
  }
}
