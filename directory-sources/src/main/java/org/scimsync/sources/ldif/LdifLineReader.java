package org.scimsync.sources.ldif;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.scimsync.engine.source.SourceException;

/**
 * The line source of the LDIF parser: counts lines so entries and errors can name theirs, and
 * refuses, with the line number, what a directory export must not contain: change records ({@code
 * changetype:}) and values read from URLs ({@code attr:< file:///...}, which would let an LDIF file
 * pull arbitrary local files into the attributes sent to the target).
 *
 * <p>The parser reads lines on a thread of its own, ahead of the entries it has handed out, so the
 * {@code dn:} line of every record is queued here and taken by the reading thread as it receives
 * the records, which come in file order.
 */
final class LdifLineReader extends BufferedReader {

  private static final int BUFFER_SIZE = 1 << 16;

  private final String file;
  private final Queue<Long> entryLines = new ConcurrentLinkedQueue<>();
  private long line;
  private boolean inRecord;

  LdifLineReader(Reader in, String file) {
    super(in, BUFFER_SIZE);
    this.file = file;
  }

  /**
   * The number (1-based) of the {@code dn:} line of the next record, in file order; each record
   * read by the parser has one. 0 when none is queued.
   */
  long nextEntryLine() {
    Long next = entryLines.poll();
    return next == null ? 0 : next;
  }

  @Override
  public String readLine() throws IOException {
    String text = super.readLine();
    if (text == null) {
      return null;
    }
    line++;
    if (text.isEmpty()) {
      inRecord = false;
      return text;
    }
    if (text.charAt(0) == ' ' || text.charAt(0) == '#') {
      return text;
    }
    if (!inRecord && !text.startsWith("version:")) {
      // the first line of a record, as the parser counts records (it skips "version:" there)
      entryLines.add(line);
      inRecord = true;
    } else if (startsWithIgnoreCase(text, "changetype:")) {
      throw new SourceException(
          SourceException.Kind.INVALID_INPUT,
          String.format(
              "%s line %d: change records (changetype:) are not a directory; export the entries"
                  + " as content LDIF",
              file, line));
    }
    int colon = text.indexOf(':');
    if (colon > 0 && colon + 1 < text.length() && text.charAt(colon + 1) == '<') {
      throw new SourceException(
          SourceException.Kind.INVALID_INPUT,
          String.format(
              "%s line %d: values read from URLs (%s:<) are not supported; put the value in the"
                  + " file (base64 with '::' for binary data)",
              file, line, text.substring(0, colon)));
    }
    return text;
  }

  private static boolean startsWithIgnoreCase(String text, String prefix) {
    return text.regionMatches(true, 0, prefix, 0, prefix.length());
  }
}
