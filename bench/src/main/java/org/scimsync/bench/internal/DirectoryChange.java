package org.scimsync.bench.internal;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Changes a generated LDIF directory deterministically, as a day in a real directory would: every
 * {@code period}-th user gets a new title, and every {@code period}-th user membership moves to a
 * user who is not yet in that group (one removal and one addition). With a period of 100 that is 1%
 * of the users and 1% of the memberships.
 */
public final class DirectoryChange {

  private static final String USER_MEMBER = "member: uid=u";

  /**
   * What was changed.
   *
   * @param usersChanged users whose title changed
   * @param membershipsMoved memberships moved to another user (each one removal and one addition)
   * @param groupsChanged groups with at least one moved membership
   */
  public record Summary(int usersChanged, int membershipsMoved, int groupsChanged) {}

  private final int period;

  /**
   * @param period one user and one membership in this many is changed (100 for 1%)
   */
  public DirectoryChange(int period) {
    if (period < 2) {
      throw new IllegalArgumentException("period must be at least 2");
    }
    this.period = period;
  }

  /** Reads {@code in} and writes the changed directory to {@code out}. */
  public Summary apply(Path in, Path out) throws IOException {
    int users = countUsers(in);
    int usersChanged = 0;
    int moved = 0;
    int groupsChanged = 0;
    long memberIndex = 0;
    try (BufferedReader reader = Files.newBufferedReader(in, StandardCharsets.UTF_8);
        BufferedWriter writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      List<String> entry = new ArrayList<>();
      String line;
      while (true) {
        line = reader.readLine();
        if (line != null && !line.isEmpty()) {
          entry.add(line);
          continue;
        }
        if (!entry.isEmpty()) {
          String dn = entry.get(0);
          if (dn.startsWith("dn: uid=u") && userNumber(dn.substring(9)) % period == period / 2) {
            usersChanged += retitle(entry);
          } else if (dn.startsWith("dn: cn=")) {
            Set<Integer> members = new HashSet<>();
            for (String l : entry) {
              if (l.startsWith(USER_MEMBER)) {
                members.add(userNumber(l.substring(USER_MEMBER.length())));
              }
            }
            int movedHere = 0;
            for (int i = 0; i < entry.size(); i++) {
              String l = entry.get(i);
              if (l.startsWith(USER_MEMBER) && memberIndex++ % period == period - 1) {
                int replacement =
                    replacement(userNumber(l.substring(USER_MEMBER.length())), members, users);
                if (replacement >= 0) {
                  members.add(replacement);
                  entry.set(i, USER_MEMBER + replacement + l.substring(l.indexOf(',')));
                  movedHere++;
                }
              }
            }
            moved += movedHere;
            groupsChanged += movedHere > 0 ? 1 : 0;
          }
          for (String l : entry) {
            writer.write(l);
            writer.write('\n');
          }
          writer.write('\n');
          entry.clear();
        }
        if (line == null) {
          break;
        }
      }
    }
    return new Summary(usersChanged, moved, groupsChanged);
  }

  private static int retitle(List<String> entry) {
    for (int i = 0; i < entry.size(); i++) {
      if (entry.get(i).startsWith("title: ")) {
        entry.set(i, entry.get(i) + ", transferred");
        return 1;
      }
    }
    return 0;
  }

  /** The next user after {@code current} (cyclically, by a fixed stride) not in {@code members}. */
  private static int replacement(int current, Set<Integer> members, int users) {
    for (int step = 1; step < users; step++) {
      int candidate = (int) ((current + (long) step * 7919) % users);
      if (!members.contains(candidate)) {
        return candidate;
      }
    }
    return -1;
  }

  private static int userNumber(String rest) {
    int end = 0;
    while (end < rest.length() && Character.isDigit(rest.charAt(end))) {
      end++;
    }
    return Integer.parseInt(rest.substring(0, end));
  }

  private static int countUsers(Path in) throws IOException {
    try (var lines = Files.lines(in, StandardCharsets.UTF_8)) {
      return (int) lines.filter(l -> l.startsWith("dn: uid=u")).count();
    }
  }
}
