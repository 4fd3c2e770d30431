package org.scimsync.bench.generate;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.BitSet;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Writes a synthetic directory as LDIF: {@code users} inetOrgPerson entries and {@code groups}
 * groupOfNames entries whose sizes follow a Zipf-like law (group {@code j} gets a share
 * proportional to {@code 1/(j+1)}): a few groups with thousands of members, most with a handful,
 * {@link #MEAN_MEMBERS_PER_GROUP} on average (about 250,000 memberships for 10,000 groups). About
 * one group in fifty also nests one to three smaller groups, and groups 1 and 2 contain each other
 * (a cycle). Every entry has an {@code entryUUID}; one name in fifty is non-ASCII and written as
 * base64. The same arguments and seed always give the same file.
 *
 * <p>Usage: {@code DirectoryGenerator --users 50000 --groups 10000 --seed 42 --out dir.ldif}
 */
public final class DirectoryGenerator {

  /** Average number of direct user members per group. */
  public static final int MEAN_MEMBERS_PER_GROUP = 25;

  private static final String BASE = "dc=example,dc=com";
  private static final String[] GIVEN = {
    "James",
    "Mary",
    "Robert",
    "Patricia",
    "John",
    "Jennifer",
    "Michael",
    "Linda",
    "David",
    "Elizabeth",
    "William",
    "Barbara",
    "Richard",
    "Susan",
    "Joseph",
    "Jessica",
    "Thomas",
    "Sarah",
    "Charles",
    "Karen",
    "Ana",
    "Wei",
    "Priya",
    "Mohammed",
    "Olga",
    "Kenji",
    "Fatima",
    "Lars"
  };
  private static final String[] GIVEN_NON_ASCII = {
    "Jürgen", "Zoë", "François", "Ødegaard", "Łukasz"
  };
  private static final String[] FAMILY = {
    "Smith",
    "Johnson",
    "Williams",
    "Brown",
    "Jones",
    "Garcia",
    "Miller",
    "Davis",
    "Rodriguez",
    "Martinez",
    "Hernandez",
    "Lopez",
    "Gonzalez",
    "Wilson",
    "Anderson",
    "Thomas",
    "Taylor",
    "Moore",
    "Jackson",
    "Martin",
    "Lee",
    "Perez",
    "Thompson",
    "White",
    "Harris",
    "Sanchez",
    "Clark",
    "Nguyen"
  };
  private static final String[] TITLES = {
    "Software Engineer", "Senior Software Engineer", "Product Manager", "Account Executive",
    "Site Reliability Engineer", "Data Analyst", "HR Business Partner", "Finance Controller",
    "Customer Success Manager", "Security Engineer", "Engineering Manager", "Designer"
  };
  private static final String[] EMPLOYEE_TYPES = {
    "employee", "employee", "employee", "contractor", "disabled"
  };

  private final int users;
  private final int groups;
  private final long seed;

  public DirectoryGenerator(int users, int groups, long seed) {
    if (users < 1 || groups < 0) {
      throw new IllegalArgumentException("need at least one user and no negative group count");
    }
    this.users = users;
    this.groups = groups;
    this.seed = seed;
  }

  /** Writes the directory to {@code out} (UTF-8), replacing the file. */
  public void write(Path out) throws IOException {
    Objects.requireNonNull(out, "out");
    try (BufferedWriter writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      write(writer);
    }
  }

  /** Writes the directory to {@code writer}; returns the number of user memberships written. */
  public long write(Writer writer) throws IOException {
    SplittableRandom random = new SplittableRandom(seed);
    StringBuilder out = new StringBuilder(1 << 16);
    out.append("version: 1\n\n");
    out.append("dn: ").append(BASE).append("\nobjectClass: domain\ndc: example\n\n");
    out.append("dn: ou=People,")
        .append(BASE)
        .append("\nobjectClass: organizationalUnit\nou: People\n\n");
    out.append("dn: ou=Groups,")
        .append(BASE)
        .append("\nobjectClass: organizationalUnit\nou: Groups\n\n");
    for (int i = 0; i < users; i++) {
      appendUser(out, i, random);
      flushIfFull(out, writer);
    }
    double harmonic = 0;
    for (int j = 0; j < groups; j++) {
      harmonic += 1.0 / (j + 1);
    }
    long memberships = 0;
    BitSet chosen = new BitSet(users);
    for (int j = 0; j < groups; j++) {
      int size =
          (int)
              Math.max(
                  1,
                  Math.min(
                      users,
                      Math.round(MEAN_MEMBERS_PER_GROUP * (double) groups / (harmonic * (j + 1)))));
      memberships += size;
      appendGroup(out, j, size, chosen, random);
      flushIfFull(out, writer);
    }
    writer.append(out);
    writer.flush();
    return memberships;
  }

  private void appendUser(StringBuilder out, int i, SplittableRandom random) {
    boolean nonAscii = i % 50 == 7;
    String given =
        nonAscii
            ? GIVEN_NON_ASCII[random.nextInt(GIVEN_NON_ASCII.length)]
            : GIVEN[random.nextInt(GIVEN.length)];
    String family = FAMILY[random.nextInt(FAMILY.length)];
    String uid = "u" + i;
    out.append("dn: uid=").append(uid).append(",ou=People,").append(BASE).append('\n');
    out.append("objectClass: top\nobjectClass: person\nobjectClass: organizationalPerson\n");
    out.append("objectClass: inetOrgPerson\n");
    out.append("uid: ").append(uid).append('\n');
    appendValue(out, "cn", given + " " + family);
    appendValue(out, "givenName", given);
    out.append("sn: ").append(family).append('\n');
    out.append("mail: ")
        .append(asciiLower(given))
        .append('.')
        .append(family.toLowerCase())
        .append('.')
        .append(i)
        .append("@example.com\n");
    out.append("title: ").append(TITLES[random.nextInt(TITLES.length)]).append('\n');
    out.append("departmentNumber: D").append(100 + random.nextInt(400)).append('\n');
    out.append("employeeNumber: ").append(100000 + i).append('\n');
    out.append("employeeType: ")
        .append(EMPLOYEE_TYPES[random.nextInt(EMPLOYEE_TYPES.length)])
        .append('\n');
    out.append("entryUUID: ").append(uuid(random)).append("\n\n");
  }

  private void appendGroup(
      StringBuilder out, int j, int size, BitSet chosen, SplittableRandom random) {
    String name = (j % 5 == 0 ? "aws-" : "team-") + j;
    out.append("dn: cn=").append(name).append(",ou=Groups,").append(BASE).append('\n');
    out.append("objectClass: top\nobjectClass: groupOfNames\n");
    out.append("cn: ").append(name).append('\n');
    out.append("description: Synthetic group ")
        .append(j)
        .append(" with ")
        .append(size)
        .append(" direct members\n");
    out.append("entryUUID: ").append(uuid(random)).append('\n');
    chosen.clear();
    int picked = 0;
    while (picked < size) {
      int u = random.nextInt(users);
      if (!chosen.get(u)) {
        chosen.set(u);
        picked++;
        out.append("member: uid=u").append(u).append(",ou=People,").append(BASE).append('\n');
      }
    }
    if (j % 50 == 1) {
      int nestedCount = 1 + random.nextInt(3);
      for (int n = 0; n < nestedCount; n++) {
        int child = j + 1 + random.nextInt(Math.max(1, groups - j - 1));
        if (child < groups) {
          out.append("member: cn=")
              .append(groupName(child))
              .append(",ou=Groups,")
              .append(BASE)
              .append('\n');
        }
      }
    }
    if ((j == 1 || j == 2) && groups > 2) {
      out.append("member: cn=")
          .append(groupName(3 - j))
          .append(",ou=Groups,")
          .append(BASE)
          .append('\n');
    }
    out.append('\n');
  }

  private static String groupName(int j) {
    return (j % 5 == 0 ? "aws-" : "team-") + j;
  }

  private static void appendValue(StringBuilder out, String attribute, String value) {
    boolean ascii = value.chars().allMatch(c -> c < 0x80);
    if (ascii) {
      out.append(attribute).append(": ").append(value).append('\n');
    } else {
      out.append(attribute)
          .append(":: ")
          .append(Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8)))
          .append('\n');
    }
  }

  private static String asciiLower(String name) {
    StringBuilder text = new StringBuilder(name.length());
    for (char c : name.toLowerCase().toCharArray()) {
      text.append(c < 0x80 ? c : 'x');
    }
    return text.toString();
  }

  private static UUID uuid(SplittableRandom random) {
    long high = (random.nextLong() & ~0xF000L) | 0x4000L;
    long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(high, low);
  }

  private static void flushIfFull(StringBuilder out, Writer writer) throws IOException {
    if (out.length() > (1 << 16)) {
      writer.append(out);
      out.setLength(0);
    }
  }

  /**
   * {@code --users N --groups M --seed S --out FILE}; defaults 50000, 10000, 42, directory.ldif.
   */
  public static void main(String[] args) throws IOException {
    int users = 50_000;
    int groups = 10_000;
    long seed = 42;
    Path out = Path.of("directory.ldif");
    for (int i = 0; i < args.length; i++) {
      String value = i + 1 < args.length ? args[i + 1] : "";
      switch (args[i]) {
        case "--users" -> users = Integer.parseInt(value);
        case "--groups" -> groups = Integer.parseInt(value);
        case "--seed" -> seed = Long.parseLong(value);
        case "--out" -> out = Path.of(value);
        default ->
            throw new IllegalArgumentException(
                "unknown option " + args[i] + "; use --users --groups --seed --out");
      }
      i++;
    }
    long memberships;
    try (BufferedWriter writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      memberships = new DirectoryGenerator(users, groups, seed).write(writer);
    }
    System.out.printf(
        "wrote %s: users=%d groups=%d directMemberships=%d bytes=%d%n",
        out, users, groups, memberships, Files.size(out));
  }
}
