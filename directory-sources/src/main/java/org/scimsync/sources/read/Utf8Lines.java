package org.scimsync.sources.read;

import com.unboundid.util.StaticUtils;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds where a text file stops being UTF-8 (or another encoding), so an error can name the line: a
 * decoding reader fails a buffer ahead of the line it has handed out. Used only on the error path.
 */
public final class Utf8Lines {

  private Utf8Lines() {}

  /** The 1-based number of the first line that is not valid UTF-8, or 0 when every line is. */
  public static long firstInvalidLine(Path file) {
    return firstInvalidLine(file, StandardCharsets.UTF_8);
  }

  /**
   * The 1-based number of the first line that {@code encoding} cannot decode, or 0 when every line
   * decodes.
   */
  public static long firstInvalidLine(Path file, Charset encoding) {
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
      ByteArrayOutputStream line = new ByteArrayOutputStream();
      long number = 1;
      int b;
      while ((b = in.read()) != -1) {
        if (b == '\n') {
          if (!decodes(line.toByteArray(), encoding)) {
            return number;
          }
          line.reset();
          number++;
        } else {
          line.write(b);
        }
      }
      return decodes(line.toByteArray(), encoding) ? 0 : number;
    } catch (IOException e) {
      return 0;
    }
  }

  private static boolean decodes(byte[] line, Charset encoding) {
    if (encoding.equals(StandardCharsets.UTF_8)) {
      return StaticUtils.isValidUTF8(line);
    }
    try {
      encoding.newDecoder().decode(ByteBuffer.wrap(line));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }
}
