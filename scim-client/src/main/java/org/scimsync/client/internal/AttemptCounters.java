package org.scimsync.client.internal;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import org.scimsync.client.ClientStats;

/** Thread-safe counters of HTTP attempts, for {@link ClientStats}. */
final class AttemptCounters {

  private final LongAdder attempts = new LongAdder();
  private final LongAdder throttled = new LongAdder();
  private final LongAdder serverErrors = new LongAdder();
  private final LongAdder transportErrors = new LongAdder();
  private final Map<ScimApi, LongAdder> byApi = new EnumMap<>(ScimApi.class);

  AttemptCounters() {
    for (ScimApi api : ScimApi.values()) {
      byApi.put(api, new LongAdder());
    }
  }

  void record(ScimApi api, int status) {
    attempts.increment();
    byApi.get(api).increment();
    if (status == 429) {
      throttled.increment();
    } else if (status >= 500) {
      serverErrors.increment();
    } else if (status < 0) {
      transportErrors.increment();
    }
  }

  ClientStats snapshot() {
    Map<String, Long> perApi = new LinkedHashMap<>();
    byApi.forEach(
        (api, count) -> {
          long value = count.sum();
          if (value > 0) {
            perApi.put(api.apiName(), value);
          }
        });
    return new ClientStats(
        attempts.sum(), throttled.sum(), serverErrors.sum(), transportErrors.sum(), perApi);
  }
}
