package org.scimsync.cli.config.internal;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/** Finds the known key closest to a misspelt one (Levenshtein distance, case-insensitive). */
public final class KeySuggestions {

  private KeySuggestions() {}

  /** The closest known key, if one is close enough to be a plausible misspelling. */
  public static Optional<String> closest(String unknown, Collection<String> known) {
    return known.stream()
        .min(Comparator.comparingInt((String k) -> distance(unknown, k)).thenComparing(k -> k))
        .filter(
            k -> distance(unknown, k) <= Math.max(2, Math.max(unknown.length(), k.length()) / 2));
  }

  /** The Levenshtein edit distance between two strings, ignoring case. */
  public static int distance(String a, String b) {
    String s = a.toLowerCase(Locale.ROOT);
    String t = b.toLowerCase(Locale.ROOT);
    int[] previous = new int[t.length() + 1];
    int[] current = new int[t.length() + 1];
    for (int j = 0; j <= t.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= s.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= t.length(); j++) {
        int substitution = previous[j - 1] + (s.charAt(i - 1) == t.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[t.length()];
  }
}
