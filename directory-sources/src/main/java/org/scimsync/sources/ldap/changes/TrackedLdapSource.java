package org.scimsync.sources.ldap.changes;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.scimsync.engine.source.ChangeTracking;
import org.scimsync.engine.source.DirectorySnapshot;
import org.scimsync.engine.source.DirectorySource;
import org.scimsync.engine.source.SourceChanges;
import org.scimsync.engine.source.SourceUser;
import org.scimsync.sources.ldap.LdapDirectorySource;
import org.scimsync.sources.ldap.LdapSourceConfig;

/**
 * An LDAP source that tells the engine what changed since a checkpoint ({@link ChangeTracking}),
 * through the {@link LdapChangeReader}: full reads as {@link LdapDirectorySource} does them, and,
 * in incremental runs, only the changed entries. A server that cannot be tracked (no {@code
 * syncprov}, no {@code entryCSN}, an account that cannot read the positions) is read whole every
 * run, as without tracking.
 */
public final class TrackedLdapSource implements DirectorySource, ChangeTracking {

  private final LdapDirectorySource whole;
  private final LdapChangeReader reader;

  public TrackedLdapSource(LdapSourceConfig config) {
    Objects.requireNonNull(config, "config");
    this.whole = new LdapDirectorySource(config);
    this.reader = new LdapChangeReader(config);
  }

  @Override
  public DirectorySnapshot read() {
    return whole.read();
  }

  @Override
  public Optional<ChangeTracking> changeTracking() {
    return Optional.of(this);
  }

  @Override
  public String describe() {
    return whole.describe();
  }

  @Override
  public Checkpointed readAll() {
    CheckpointedSnapshot all = reader.readAll();
    return new Checkpointed(all.snapshot(), all.checkpoint());
  }

  @Override
  public SourceChanges readChanges(String checkpoint) {
    ChangeRead read = reader.readChanges(checkpoint);
    if (read instanceof FullReadNeeded needed) {
      return new SourceChanges.FullReadNeeded(
          needed.reason().name().toLowerCase(java.util.Locale.ROOT) + ": " + needed.detail());
    }
    DirectoryChanges changes = (DirectoryChanges) read;
    return new SourceChanges.Changed(
        changes.users(),
        changes.groups(),
        changes.deletedKeys(),
        changes.deletionsKnown(),
        changes.warnings(),
        changes.checkpoint(),
        changes.entriesRead());
  }

  @Override
  public List<SourceUser> readUsers(Collection<String> keys) {
    return reader.readUsers(keys);
  }
}
