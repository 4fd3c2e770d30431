package org.scimsync.engine.plan;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Writes report lines for a person: lines of the same shape (the same warning or failure about
 * different objects) are shown {@value #SHOWN} times, followed by {@code … and 9,994 more like
 * this}. The JSON report keeps every line; only the text is shortened.
 */
public final class RepeatedLines {

  /** Lines of one shape shown before the rest are counted. */
  public static final int SHOWN = 5;

  private static final Pattern SUBJECT =
      Pattern.compile("^(user|group) \\S+( \\(key [^)]*\\))?", Pattern.CASE_INSENSITIVE);
  private static final Pattern QUOTED = Pattern.compile("\"[^\"]*\"|'[^']*'");
  private static final Pattern IDENTIFIER =
      Pattern.compile("[\\p{Alnum}._%+-]*\\d[\\p{Alnum}._%+@:/-]*|\\S+@\\S+");

  private RepeatedLines() {}

  /**
   * Appends the lines, each after {@code prefix} and on a line of its own, shortening runs of one
   * shape.
   *
   * @param out where the text goes
   * @param lines the lines, in order
   * @param prefix put before each line, such as {@code "! "}
   * @param shape what lines of one kind have in common
   */
  public static void append(
      StringBuilder out, List<String> lines, String prefix, Function<String, String> shape) {
    Map<String, Integer> total = new HashMap<>();
    List<String> shapes = lines.stream().map(shape).toList();
    shapes.forEach(s -> total.merge(s, 1, Integer::sum));
    Map<String, Integer> shown = new HashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      String s = shapes.get(i);
      int n = shown.merge(s, 1, Integer::sum);
      if (n > SHOWN) {
        continue;
      }
      out.append(prefix).append(lines.get(i)).append('\n');
      int all = total.get(s);
      if (n == SHOWN && all > SHOWN) {
        out.append(String.format(Locale.ROOT, "  … and %,d more like this%n", all - SHOWN));
      }
    }
  }

  /**
   * The shape of a warning or failure line: its subject ({@code user alice (key k1)}) and what
   * differs from object to object (quoted values, words with a digit or an {@code @}) masked.
   *
   * @param line a report line
   * @return the line's shape
   */
  public static String shapeOf(String line) {
    String text = SUBJECT.matcher(line).replaceFirst("$1 *");
    text = QUOTED.matcher(text).replaceAll("\"*\"");
    return IDENTIFIER.matcher(text).replaceAll("*").toLowerCase(Locale.ROOT);
  }
}
