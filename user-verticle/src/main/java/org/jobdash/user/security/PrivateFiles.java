package org.jobdash.user.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/** Key files the service generates for itself: a directory only its owner reads, files written whole. File IO. */
public final class PrivateFiles {

  private PrivateFiles() {}

  private static boolean posix(Path dir) {
    return dir.toAbsolutePath().getRoot() != null
        && dir.getFileSystem().supportedFileAttributeViews().contains("posix");
  }

  /** Creates the directory (and missing parents) as rwx------; an existing one is narrowed to that. */
  public static void createPrivateDirectory(Path dir) throws IOException {
    if (!posix(dir)) {
      Files.createDirectories(dir);
      return;
    }
    Set<PosixFilePermission> owner = PosixFilePermissions.fromString("rwx------");
    Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(owner));
    Files.setPosixFilePermissions(dir, owner);
  }

  /** Writes a file created rw------- (a temporary file's permissions) and moves it into place in one step. */
  public static void writeAtomically(Path dir, Path target, String text) throws IOException {
    Path temporary = posix(dir)
        ? Files.createTempFile(dir, ".key-", ".tmp",
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
        : Files.createTempFile(dir, ".key-", ".tmp");
    try {
      Files.writeString(temporary, text);
      Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }
}
