package org.scimsync.bench.ldap;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The entries slapd sent from a point of its {@code stats} log on, to the connections bound as one
 * DN: the sum of {@code nentries=} of their {@code SEARCH RESULT} lines, once all of them are
 * closed.
 */
final class ServerEntryCount {

  private static final Pattern BIND = Pattern.compile("conn=(\\d+) op=\\d+ BIND dn=\"([^\"]*)\"");
  private static final Pattern RESULT =
      Pattern.compile("conn=(\\d+) op=\\d+ SEARCH RESULT .*nentries=(\\d+)");
  private static final Pattern CLOSED = Pattern.compile("conn=(\\d+) fd=\\d+ closed");

  private final Path log;
  private final long start;

  ServerEntryCount(Path log) {
    this.log = log;
    this.start = log.toFile().length();
  }

  /** Entries sent to {@code bindDn} since this count began; waits up to 10 s for the log. */
  long entriesSentTo(String bindDn) throws IOException {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (true) {
      Set<String> open = new HashSet<>();
      Map<String, Long> counts = new HashMap<>();
      for (String line : text().split("\n")) {
        Matcher bind = BIND.matcher(line);
        if (bind.find() && bind.group(2).equalsIgnoreCase(bindDn)) {
          open.add(bind.group(1));
          counts.putIfAbsent(bind.group(1), 0L);
          continue;
        }
        Matcher result = RESULT.matcher(line);
        if (result.find() && counts.containsKey(result.group(1))) {
          counts.merge(result.group(1), Long.parseLong(result.group(2)), Long::sum);
          continue;
        }
        Matcher closed = CLOSED.matcher(line);
        if (closed.find()) {
          open.remove(closed.group(1));
        }
      }
      if ((!counts.isEmpty() && open.isEmpty()) || System.nanoTime() > deadline) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
      }
      LockSupport.parkNanos(50_000_000L);
    }
  }

  private String text() throws IOException {
    try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
      byte[] bytes = new byte[(int) Math.max(0, file.length() - start)];
      file.seek(start);
      file.readFully(bytes);
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }
}
