package org.scimsync.engine.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class MappingWorkersTest {

  private final List<Integer> items = IntStream.range(0, 10_000).boxed().toList();

  @Test
  void resultsComeInTheOrderOfTheItems() {
    try (MappingWorkers workers = MappingWorkers.start(4)) {
      assertThat(workers.map(items, i -> i * 2))
          .containsExactlyElementsOf(items.stream().map(i -> i * 2).toList());
    }
  }

  @Test
  void severalThreadsWorkAtTheSameTime() {
    CountDownLatch together = new CountDownLatch(3);
    Set<String> threads = ConcurrentHashMap.newKeySet();
    Set<Boolean> met = ConcurrentHashMap.newKeySet();
    try (MappingWorkers workers = MappingWorkers.start(3)) {
      workers.map(
          items,
          i -> {
            if (threads.add(Thread.currentThread().getName())) {
              together.countDown();
              met.add(await(together));
            }
            return i;
          });
    }
    assertThat(threads).hasSize(3);
    assertThat(met).containsExactly(true);
  }

  @Test
  void oneThreadMapsOnTheCaller() {
    Set<Thread> threads = ConcurrentHashMap.newKeySet();
    try (MappingWorkers workers = MappingWorkers.start(1)) {
      workers.map(items, i -> threads.add(Thread.currentThread()));
    }
    assertThat(threads).containsExactly(Thread.currentThread());
  }

  @Test
  void aFailureOnAnyThreadReachesTheCaller() {
    try (MappingWorkers workers = MappingWorkers.start(4)) {
      assertThatThrownBy(
              () ->
                  workers.map(
                      items,
                      i -> {
                        if (i == 9_999) {
                          throw new IllegalStateException("bad entry " + i);
                        }
                        return i;
                      }))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("bad entry 9999");
    }
  }

  @Test
  void threadsMustBeAtLeastOne() {
    assertThatThrownBy(() -> MappingWorkers.start(0)).isInstanceOf(IllegalArgumentException.class);
  }

  private static boolean await(CountDownLatch latch) {
    try {
      return latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
