package org.scimsync.emulator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import org.scimsync.emulator.FaultSettings;

/**
 * The JSON form of {@link FaultSettings} served and accepted by {@code /admin/faults}: {@code
 * latencyMillis}, {@code latencyJitterMillis}, {@code readsPerSecond}, {@code writesPerSecond},
 * {@code retryAfterHeader}, {@code error500BeforeRatio}, {@code error500AfterRatio}, {@code
 * dropConnectionRatio}, {@code consistencyWindowMillis}, {@code concurrentModificationRatio},
 * {@code seed}. An update may name only the fields it changes.
 */
final class FaultSettingsJson {
  private FaultSettingsJson() {}

  static ObjectNode toJson(FaultSettings s) {
    return ResourceDocuments.MAPPER
        .createObjectNode()
        .put("latencyMillis", s.latency().toMillis())
        .put("latencyJitterMillis", s.latencyJitter().toMillis())
        .put("readsPerSecond", s.readsPerSecond())
        .put("writesPerSecond", s.writesPerSecond())
        .put("retryAfterHeader", s.retryAfterHeader())
        .put("error500BeforeRatio", s.error500BeforeRatio())
        .put("error500AfterRatio", s.error500AfterRatio())
        .put("dropConnectionRatio", s.dropConnectionRatio())
        .put("consistencyWindowMillis", s.consistencyWindow().toMillis())
        .put("concurrentModificationRatio", s.concurrentModificationRatio())
        .put("seed", s.seed());
  }

  /** Applies the fields present in {@code json} to {@code current}. */
  static FaultSettings merge(FaultSettings current, JsonNode json) {
    if (!json.isObject()) {
      throw ScimProblem.invalidSyntax("The fault settings must be a JSON object.");
    }
    json.fieldNames()
        .forEachRemaining(
            name -> {
              if (!toJson(current).has(name)) {
                throw ScimProblem.invalidValue("Unknown fault setting '" + name + "'.");
              }
            });
    return new FaultSettings(
        Duration.ofMillis(json.path("latencyMillis").asLong(current.latency().toMillis())),
        Duration.ofMillis(
            json.path("latencyJitterMillis").asLong(current.latencyJitter().toMillis())),
        json.path("readsPerSecond").asDouble(current.readsPerSecond()),
        json.path("writesPerSecond").asDouble(current.writesPerSecond()),
        json.path("retryAfterHeader").asBoolean(current.retryAfterHeader()),
        json.path("error500BeforeRatio").asDouble(current.error500BeforeRatio()),
        json.path("error500AfterRatio").asDouble(current.error500AfterRatio()),
        json.path("dropConnectionRatio").asDouble(current.dropConnectionRatio()),
        Duration.ofMillis(
            json.path("consistencyWindowMillis").asLong(current.consistencyWindow().toMillis())),
        json.path("concurrentModificationRatio").asDouble(current.concurrentModificationRatio()),
        json.path("seed").asLong(current.seed()));
  }
}
