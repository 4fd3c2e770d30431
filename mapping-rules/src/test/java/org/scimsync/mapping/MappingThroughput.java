package org.scimsync.mapping;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Measures mapping plus sanitizing throughput of the config-example.yaml user rules on one thread.
 * Not a test: run it by hand (see the module README) and read the numbers it prints. Throughput is
 * given per second of this thread's CPU time (what one core does, whatever else the machine runs)
 * and per second of wall time.
 */
public final class MappingThroughput {

  private MappingThroughput() {}

  public static void main(String[] args) {
    int users = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    MappingRules rules = ConfigExample.rules(SanitizerProfile.AWS_IDENTITY_CENTER);
    List<SourceEntry> entries = new ArrayList<>(users);
    for (int i = 0; i < users; i++) {
      entries.add(user(i));
    }
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long mapped = 0;
    for (int round = 1; round <= rounds; round++) {
      long cpuStart = threads.getCurrentThreadCpuTime();
      long wallStart = System.nanoTime();
      for (SourceEntry entry : entries) {
        if (rules.mapUser(entry) instanceof MappingResult.Mapped) {
          mapped++;
        }
      }
      double cpu = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
      double wall = (System.nanoTime() - wallStart) / 1e9;
      System.out.printf(
          Locale.ROOT,
          "round %d: %,.0f users per CPU second, %,.0f users per wall second (%d users)%n",
          round,
          users / cpu,
          users / wall,
          users);
    }
    System.out.println("mapped results: " + mapped);
  }

  private static SourceEntry user(int i) {
    Map<String, List<Object>> attributes = new HashMap<>();
    attributes.put("mail", List.of("user" + i + "@example.com"));
    if (i % 10 != 0) {
      attributes.put("displayname", List.of("User Number " + i));
    }
    attributes.put("givenname", List.of("User"));
    attributes.put("sn", List.of("Number" + i));
    attributes.put("cn", List.of("User Number " + i));
    attributes.put("title", List.of("Engineer"));
    attributes.put("employeetype", List.of(i % 50 == 0 ? "disabled" : "staff"));
    attributes.put("departmentnumber", List.of("D" + (i % 40)));
    attributes.put("employeenumber", List.of(Integer.toString(i)));
    return new HashedEntry("uuid-" + i, attributes, List.of("aws-dev", "staff"));
  }

  /** A source entry as an adapter would hold it: attributes keyed by lower-case name. */
  private record HashedEntry(String key, Map<String, List<Object>> attributes, List<String> groups)
      implements SourceEntry {

    @Override
    public @Nullable String dn() {
      return "uid=" + key + ",ou=people,dc=example,dc=com";
    }

    @Override
    public List<Object> values(String attribute) {
      return attributes.getOrDefault(attribute.toLowerCase(Locale.ROOT), List.of());
    }
  }
}
