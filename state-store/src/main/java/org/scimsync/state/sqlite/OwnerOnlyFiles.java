package org.scimsync.state.sqlite;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;
import org.scimsync.engine.state.StateStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the state file and its companions (lock, WAL and shared-memory files) readable and
 * writable by their owner only, and tightens them when they already exist with wider permissions.
 *
 * <p>Tightening rather than refusing: the state holds names and ids of the directory's people, so
 * it must not stay readable by others; an unattended run (cron, a service) that finds a file
 * restored with a loose umask is better served by fixing the file, with a warning, than by failing
 * every run until someone notices. If the permissions cannot be changed (another owner), opening
 * fails. On file systems without POSIX permissions nothing is changed.
 */
final class OwnerOnlyFiles {

  private static final Logger LOG = LoggerFactory.getLogger(OwnerOnlyFiles.class);

  static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
  private static final Set<PosixFilePermission> DIRECTORY =
      PosixFilePermissions.fromString("rwx------");
  private static final Set<PosixFilePermission> GROUP_OR_OTHERS =
      EnumSet.of(
          PosixFilePermission.GROUP_READ,
          PosixFilePermission.GROUP_WRITE,
          PosixFilePermission.GROUP_EXECUTE,
          PosixFilePermission.OTHERS_READ,
          PosixFilePermission.OTHERS_WRITE,
          PosixFilePermission.OTHERS_EXECUTE);

  private OwnerOnlyFiles() {}

  /**
   * Makes sure {@code file} exists as a regular file only its owner can read, creating missing
   * parent directories owner-only as well.
   */
  static void prepare(Path file) {
    boolean posix = isPosix(file.getFileSystem());
    try {
      Path parent = file.getParent();
      if (parent != null && !Files.isDirectory(parent)) {
        if (posix) {
          Files.createDirectories(parent, attribute(DIRECTORY));
        } else {
          Files.createDirectories(parent);
        }
      }
      try {
        if (posix) {
          Files.createFile(file, attribute(FILE));
        } else {
          Files.createFile(file);
        }
        return;
      } catch (FileAlreadyExistsException e) {
        // fall through: check the existing file
      }
      if (!Files.isRegularFile(file)) {
        throw new StateStoreException("state file " + file + " exists but is not a file", null);
      }
      tighten(file);
    } catch (IOException e) {
      throw new StateStoreException(
          "cannot create state file "
              + file
              + ": "
              + e.getClass().getSimpleName()
              + " "
              + e.getMessage(),
          e);
    }
  }

  /** Removes group and other permissions from an existing file; does nothing if it is absent. */
  static void tighten(Path file) {
    if (!isPosix(file.getFileSystem()) || !Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try {
      Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
      if (permissions.stream().noneMatch(GROUP_OR_OTHERS::contains)) {
        return;
      }
      Set<PosixFilePermission> ownerOnly = EnumSet.copyOf(permissions);
      ownerOnly.removeAll(GROUP_OR_OTHERS);
      Files.setPosixFilePermissions(file, ownerOnly);
      LOG.warn(
          "state.permissions.tightened file={} was={} now={}",
          file,
          PosixFilePermissions.toString(permissions),
          PosixFilePermissions.toString(ownerOnly));
    } catch (IOException e) {
      throw new StateStoreException(
          "state file "
              + file
              + " is readable by others and its permissions cannot be restricted to its owner: "
              + e.getClass().getSimpleName()
              + " "
              + e.getMessage(),
          e);
    }
  }

  static FileAttribute<Set<PosixFilePermission>> fileAttribute() {
    return attribute(FILE);
  }

  static boolean isPosix(FileSystem fileSystem) {
    return fileSystem.supportedFileAttributeViews().contains("posix");
  }

  private static FileAttribute<Set<PosixFilePermission>> attribute(
      Set<PosixFilePermission> permissions) {
    return PosixFilePermissions.asFileAttribute(permissions);
  }
}
