package org.scimsync.cli.config.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A parser over the YAML stream that interpolates every string value and records the line of every
 * key. All token-advancing calls go through {@link #nextToken()} so no value escapes interpolation.
 */
public final class LocatedInterpolatingParser extends JsonParserDelegate {

  private final Interpolator interpolator;
  private final Map<String, Integer> lines = new LinkedHashMap<>();
  private @Nullable String text;

  public LocatedInterpolatingParser(JsonParser delegate, Interpolator interpolator) {
    super(delegate);
    this.interpolator = interpolator;
  }

  /** The line of every key seen so far, by dotted path. */
  public Map<String, Integer> lines() {
    return lines;
  }

  /** The dotted path of the current token ({@code users.map.userName}, {@code users.drop[0]}). */
  public String currentPath() {
    return pathOf(getParsingContext());
  }

  /** The 1-based line of the current token. */
  public int currentLine() {
    return delegate.currentTokenLocation().getLineNr();
  }

  static String pathOf(@Nullable JsonStreamContext context) {
    Deque<String> parts = new ArrayDeque<>();
    for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
      if (c.inObject() && c.getCurrentName() != null) {
        parts.push("." + c.getCurrentName());
      } else if (c.inArray()) {
        parts.push("[" + Math.max(0, c.getCurrentIndex()) + "]");
      }
    }
    String path = String.join("", parts);
    return path.startsWith(".") ? path.substring(1) : path;
  }

  @Override
  public JsonToken nextToken() throws IOException {
    JsonToken token = delegate.nextToken();
    text = null;
    if (token == JsonToken.FIELD_NAME) {
      lines.putIfAbsent(currentPath(), currentLine());
    } else if (token == JsonToken.VALUE_STRING) {
      try {
        text = interpolator.interpolate(delegate.getText());
      } catch (IllegalArgumentException e) {
        throw new InterpolationException(currentPath(), currentLine(), e.getMessage());
      }
    }
    return token;
  }

  @Override
  public JsonToken nextValue() throws IOException {
    JsonToken token = nextToken();
    return token == JsonToken.FIELD_NAME ? nextToken() : token;
  }

  @Override
  public @Nullable String nextFieldName() throws IOException {
    return nextToken() == JsonToken.FIELD_NAME ? currentName() : null;
  }

  @Override
  public boolean nextFieldName(SerializableString name) throws IOException {
    return nextToken() == JsonToken.FIELD_NAME && name.getValue().equals(currentName());
  }

  @Override
  public @Nullable String nextTextValue() throws IOException {
    return nextToken() == JsonToken.VALUE_STRING ? getText() : null;
  }

  @Override
  public int nextIntValue(int defaultValue) throws IOException {
    return nextToken() == JsonToken.VALUE_NUMBER_INT ? getIntValue() : defaultValue;
  }

  @Override
  public long nextLongValue(long defaultValue) throws IOException {
    return nextToken() == JsonToken.VALUE_NUMBER_INT ? getLongValue() : defaultValue;
  }

  @Override
  public @Nullable Boolean nextBooleanValue() throws IOException {
    JsonToken token = nextToken();
    if (token == JsonToken.VALUE_TRUE) {
      return Boolean.TRUE;
    }
    return token == JsonToken.VALUE_FALSE ? Boolean.FALSE : null;
  }

  @Override
  public String getText() throws IOException {
    return text != null ? text : delegate.getText();
  }

  @Override
  public String getValueAsString() throws IOException {
    return text != null ? text : delegate.getValueAsString();
  }

  @Override
  public String getValueAsString(String defaultValue) throws IOException {
    return text != null ? text : delegate.getValueAsString(defaultValue);
  }

  @Override
  public char[] getTextCharacters() throws IOException {
    return text != null ? text.toCharArray() : delegate.getTextCharacters();
  }

  @Override
  public int getTextLength() throws IOException {
    return text != null ? text.length() : delegate.getTextLength();
  }

  @Override
  public int getTextOffset() throws IOException {
    return text != null ? 0 : delegate.getTextOffset();
  }

  @Override
  public boolean hasTextCharacters() {
    return text == null && delegate.hasTextCharacters();
  }

  /** An unset variable or unreadable file, with where it was referenced. */
  public static final class InterpolationException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String path;
    private final int line;

    InterpolationException(String path, int line, String message) {
      super(message);
      this.path = path;
      this.line = line;
    }

    public String path() {
      return path;
    }

    public int line() {
      return line;
    }
  }
}
