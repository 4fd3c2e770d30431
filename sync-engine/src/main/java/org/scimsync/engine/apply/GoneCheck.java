package org.scimsync.engine.apply;

import java.util.Optional;
import org.scimsync.engine.state.ObjectKind;
import org.scimsync.engine.target.ScimTarget;
import org.scimsync.engine.target.TargetGroup;
import org.scimsync.engine.target.TargetUser;

/**
 * Confirms that a linked object which answered 404 is really gone before its link is dropped. A 404
 * on one resource means "gone" only if the target still answers for its collection: a wrong tenant
 * id (AWS answers 404 {@code "TENANT does not exist."} on every path) or a wrong base URL answers
 * 404 there too, and that read then fails with {@link
 * org.scimsync.engine.target.TargetException.Kind#UNAUTHORIZED}, which stops the run before any
 * link is touched.
 */
final class GoneCheck {

  private GoneCheck() {}

  /**
   * Whether the object is gone: its collection answers, and no object of that kind with its
   * externalId has its id any more.
   *
   * @throws org.scimsync.engine.target.TargetException when the collection cannot be read (a wrong
   *     tenant: kind UNAUTHORIZED)
   */
  static boolean confirmed(ScimTarget target, ObjectKind kind, String sourceKey, String targetId) {
    Optional<String> id =
        kind == ObjectKind.USER
            ? target.findUserByExternalId(sourceKey).map(TargetUser::id)
            : target.findGroupByExternalId(sourceKey).map(TargetGroup::id);
    return !id.filter(targetId::equals).isPresent();
  }
}
