package org.scimsync.state.sqlite;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.scimsync.engine.state.RunLock;
import org.scimsync.engine.state.StateLockedException;

/**
 * A separate process for the lock tests: takes the run lock of the state file given as argument
 * (the lock alone, without opening the database, so that the process starts quickly), prints {@code
 * LOCKED} (or {@code BUSY <message>}), holds it until a line arrives on standard input, then
 * releases it and prints {@code RELEASED}.
 */
public final class RunLockHolder {

  private RunLockHolder() {}

  public static void main(String[] args) throws Exception {
    RunLock lock;
    try {
      lock = FileRunLock.acquire(Path.of(args[0]).toRealPath());
    } catch (StateLockedException e) {
      System.out.println("BUSY " + e.getMessage());
      return;
    }
    System.out.println("LOCKED");
    new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
    lock.close();
    System.out.println("RELEASED");
  }
}
