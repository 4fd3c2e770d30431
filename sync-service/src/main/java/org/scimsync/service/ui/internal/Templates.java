package org.scimsync.service.ui.internal;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.MustacheFactory;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * The page templates ({@code org/scimsync/service/ui/*.mustache}): Mustache, logic-less and
 * escaping every {@code {{value}}} for HTML; no template uses the unescaped form.
 */
public final class Templates {

  private final MustacheFactory factory = new DefaultMustacheFactory("org/scimsync/service/ui");

  /** Renders a template with these scopes (the first is searched last). */
  public String render(String name, Object... scopes) {
    StringWriter out = new StringWriter();
    try {
      factory.compile(name + ".mustache").execute(out, scopes).flush();
    } catch (IOException e) {
      throw new UncheckedIOException("a StringWriter does not fail", e);
    }
    return out.toString();
  }
}
