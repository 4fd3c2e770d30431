package org.scimsync.engine.source.ldif;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import org.scimsync.engine.source.SourceException;

/**
 * The line source of the LDIF parser: counts lines so entries and errors can name theirs, and
 * refuses, with the line number, what a directory export must not contain: change records ({@code
 * changetype:}) and values read from URLs ({@code attr:< file:///...}, which would let an LDIF file
 * pull arbitrary local files into the attributes sent to the target).
 */
final class LdifLineReader extends BufferedReader {

  private static final int BUFFER_SIZE = 1 << 16;

  private final String file;
  private long line;
  private long entryLine;

  LdifLineReader(Reader in, String file) {
    super(in, BUFFER_SIZE);
    this.file = file;
  }

  /** The number of lines read so far. */
  long lineNumber() {
    return line;
  }

  /** The number of the {@code dn:} line of the record read last (1-based), or 0. */
  long entryLine() {
    return entryLine;
  }

  @Override
  public String readLine() throws IOException {
    String text = super.readLine();
    if (text == null) {
      return null;
    }
    line++;
    if (text.isEmpty() || text.charAt(0) == ' ' || text.charAt(0) == '#') {
      return text;
    }
    if (startsWithIgnoreCase(text, "dn:")) {
      entryLine = line;
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
