package org.scimsync.sources.ldap.servers;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.scimsync.engine.testing.Eventually;

/**
 * slapd's {@code stats} log from a point on: how many entries the server sent to the connections
 * bound as one DN, counted from its {@code SEARCH RESULT ... nentries=N} lines, the server's own
 * count of what it returned.
 */
public final class StatsLog {

  private static final Pattern BIND = Pattern.compile("conn=(\\d+) op=\\d+ BIND dn=\"([^\"]*)\"");
  private static final Pattern RESULT =
      Pattern.compile("conn=(\\d+) op=\\d+ SEARCH RESULT .*nentries=(\\d+)");
  private static final Pattern CLOSED = Pattern.compile("conn=(\\d+) fd=\\d+ closed");

  private final Path log;
  private final long start;

  StatsLog(Path log) {
    this.log = log;
    this.start = log.toFile().length();
  }

  /**
   * The entries sent since this log was opened to the connections bound as {@code bindDn}, once
   * every one of them is closed (slapd writes a search's line after answering it).
   */
  public long entriesSentTo(String bindDn) {
    long[] entries = {0};
    Eventually.await(
        Duration.ofSeconds(10),
        "slapd to log the end of the connections of " + bindDn,
        () -> {
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
          entries[0] = counts.values().stream().mapToLong(Long::longValue).sum();
          return !counts.isEmpty() && open.isEmpty();
        });
    return entries[0];
  }

  private String text() {
    try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
      long length = file.length() - start;
      byte[] bytes = new byte[(int) Math.max(0, length)];
      file.seek(start);
      file.readFully(bytes);
      return new String(bytes, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
