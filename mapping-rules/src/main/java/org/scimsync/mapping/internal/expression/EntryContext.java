package org.scimsync.mapping.internal.expression;

import org.apache.commons.jexl3.JexlContext;
import org.jspecify.annotations.Nullable;
import org.scimsync.mapping.SourceEntry;

/**
 * The one variable an expression sees ({@code user} or {@code group}), bound to one entry;
 * read-only. One instance serves every expression evaluated for that entry.
 */
public final class EntryContext implements JexlContext {

  private final String variable;
  private final EntryView view;

  /** Binds {@code variable} to a view of {@code entry}. */
  public EntryContext(String variable, SourceEntry entry) {
    this.variable = variable;
    this.view = new EntryView(entry);
  }

  @Override
  public @Nullable Object get(String name) {
    return variable.equals(name) ? view : null;
  }

  @Override
  public void set(String name, Object value) {
    throw new UnsupportedOperationException("mapping expressions cannot assign variables");
  }

  @Override
  public boolean has(String name) {
    return variable.equals(name);
  }
}
