package org.scimsync.engine.apply;

import java.util.ArrayList;
import java.util.List;
import org.scimsync.engine.plan.Change;
import org.scimsync.engine.state.JournalEntry;
import org.scimsync.engine.target.AttributeChange;

/** The journal form of a change: names of attributes and member counts, never values. */
final class JournalEntries {

  private JournalEntries() {}

  static JournalEntry of(Change change) {
    String targetId = null;
    List<String> attributes = new ArrayList<>();
    if (change instanceof Change.CreateUser c) {
      c.resource().fieldNames().forEachRemaining(attributes::add);
    } else if (change instanceof Change.CreateGroup c) {
      c.resource().fieldNames().forEachRemaining(attributes::add);
      attributes.add("+" + c.memberKeys().size());
    } else if (change instanceof Change.UpdateUser c) {
      targetId = c.targetId();
      c.changes().forEach(a -> attributes.add(a.scimPath()));
    } else if (change instanceof Change.AdoptUser c) {
      targetId = c.targetId();
      c.changes().forEach(a -> attributes.add(a.scimPath()));
    } else if (change instanceof Change.UpdateGroup c) {
      targetId = c.targetId();
      c.changes().stream().map(AttributeChange::scimPath).forEach(attributes::add);
    } else if (change instanceof Change.AdoptGroup c) {
      targetId = c.targetId();
      c.changes().stream().map(AttributeChange::scimPath).forEach(attributes::add);
    } else if (change instanceof Change.UpdateMembers c) {
      targetId = c.targetId();
      attributes.add("+" + c.addKeys().size());
      attributes.add("-" + c.removeKeys().size());
    } else if (change instanceof Change.DisableUser c) {
      targetId = c.targetId();
      attributes.add("active");
    } else if (change instanceof Change.DeleteUser c) {
      targetId = c.targetId();
    } else if (change instanceof Change.DeleteGroup c) {
      targetId = c.targetId();
    }
    return new JournalEntry(
        change.changeName(),
        change.objectKind(),
        change.sourceKey(),
        targetId,
        change.label(),
        attributes);
  }
}
