package org.scimsync.engine.testing;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.scimsync.engine.target.ScimTarget;
import org.scimsync.engine.target.TargetUser;

/** A target whose user listing is replaced, everything else delegated. */
public final class ReplacedUserListing {

  private ReplacedUserListing() {}

  /**
   * {@code target}, except that {@link ScimTarget#users()} answers {@code users.get()}.
   *
   * @param target what every other call goes to
   * @param users the listing
   */
  public static ScimTarget of(ScimTarget target, Supplier<Stream<TargetUser>> users) {
    return (ScimTarget)
        Proxy.newProxyInstance(
            ScimTarget.class.getClassLoader(),
            new Class<?>[] {ScimTarget.class},
            (proxy, method, args) -> {
              if (method.getName().equals("users")) {
                return users.get();
              }
              try {
                return method.invoke(target, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }
}
