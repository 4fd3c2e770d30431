package org.scimsync.cli.app.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.scimsync.engine.target.ScimTarget;
import org.scimsync.engine.target.TargetException;

class ProgressTargetTest {

  private final List<String> calls = new ArrayList<>();

  private final ScimTarget recording =
      (ScimTarget)
          Proxy.newProxyInstance(
              ScimTarget.class.getClassLoader(),
              new Class<?>[] {ScimTarget.class},
              (proxy, method, args) -> {
                calls.add(method.getName());
                if (method.getName().equals("deleteGroup")) {
                  throw new TargetException(TargetException.Kind.NOT_FOUND, 404, "gone");
                }
                return method.getReturnType() == boolean.class ? Boolean.FALSE : null;
              });

  @Test
  void countsEveryWriteAndNoRead() {
    AtomicInteger writes = new AtomicInteger();
    ProgressTarget target = new ProgressTarget(recording, writes::incrementAndGet);

    target.findUserByUserName("alice");
    target.groupIdsOfUser("u1");
    target.membersReadable();
    assertThat(writes).hasValue(0);

    target.createUser(JsonNodeFactory.instance.objectNode(), "k1");
    target.patchUser("u1", List.of());
    target.addMembers("g1", List.of("u1"));
    target.removeMembers("g1", List.of("u1"));
    target.deleteUser("u1");
    assertThatThrownBy(() -> target.deleteGroup("g1")).isInstanceOf(TargetException.class);

    assertThat(writes).hasValue(6);
    assertThat(calls)
        .containsExactly(
            "findUserByUserName",
            "groupIdsOfUser",
            "membersReadable",
            "createUser",
            "patchUser",
            "addMembers",
            "removeMembers",
            "deleteUser",
            "deleteGroup");
  }
}
