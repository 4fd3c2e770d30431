package org.scimsync.cli.app;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.scimsync.cli.app.internal.TargetRuns;
import org.scimsync.cli.exit.ExitCode;
import org.scimsync.cli.exit.ExitCodes;
import org.scimsync.engine.PlanJson;

/**
 * Prints what a command did for each of several targets, target by target in the configuration's
 * order as soon as each is known: in text, a heading per target and its report or error; in JSON,
 * {@code {"targets": [{"target", "exitCode", "report" | "error"}], "directoryReads", "exitCode"}},
 * streamed to the output (a report of tens of thousands of changes is never held twice, nor the
 * whole document at once). A failed target is reported like any other: the others' reports are
 * never lost.
 */
final class TargetReports {

  /**
   * One target's value, rendered on the target's own thread as soon as it ended, so that what it
   * was rendered from (a plan, a report with every change) is not kept until the others end.
   *
   * @param code its exit code
   * @param text as the console prints it: JSON in JSON mode
   */
  record Rendered(ExitCode code, String text) {

    Rendered {
      Objects.requireNonNull(code, "code");
      Objects.requireNonNull(text, "text");
    }
  }

  private final Console console;
  private final List<ExitCode> codes = new ArrayList<>();
  private @Nullable JsonGenerator json;

  TargetReports(Console console) {
    this.console = console;
  }

  /** Prints one target's outcome; called in the order of the targets. */
  void add(TargetRuns.Outcome<Rendered> outcome) {
    String name = outcome.target().name();
    Rendered value = outcome.value();
    RuntimeException failure = outcome.failure();
    ExitCode code = value == null ? ExitCodes.of(failure) : value.code();
    codes.add(code);
    if (console.json()) {
      try {
        JsonGenerator out = generator();
        out.writeStartObject();
        out.writeStringField("target", name);
        out.writeNumberField("exitCode", code.code());
        if (value == null) {
          out.writeStringField("error", ExitCodes.describe(failure));
        } else {
          out.writeFieldName("report");
          out.writeRawValue(value.text().strip());
        }
        out.writeEndObject();
        out.flush();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write the report of target " + name, e);
      }
    } else {
      console.out().println("== target " + name + " ==");
      if (value == null) {
        console.out().println("error: " + ExitCodes.describe(failure));
        console.out().println("(exit " + code.code() + ")");
      } else {
        console.out().print(value.text());
      }
      console.out().println();
      console.out().flush();
    }
  }

  private JsonGenerator generator() throws IOException {
    if (json == null) {
      JsonGenerator out = PlanJson.mapper().getFactory().createGenerator(console.out());
      out.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      out.useDefaultPrettyPrinter();
      out.writeStartObject();
      out.writeArrayFieldStart("targets");
      json = out;
    }
    return json;
  }

  /** Ends the output and returns the most serious exit code of the targets. */
  ExitCode finish(int directoryReads) {
    ExitCode worst = ExitCodes.worst(codes);
    if (console.json()) {
      try {
        JsonGenerator out = generator();
        out.writeEndArray();
        out.writeNumberField("directoryReads", directoryReads);
        out.writeNumberField("exitCode", worst.code());
        out.writeEndObject();
        out.flush();
        console.out().println();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write the reports", e);
      }
    } else {
      console
          .out()
          .println(
              "targets: "
                  + codes.size()
                  + ", directory read "
                  + directoryReads
                  + (directoryReads == 1 ? " time" : " times")
                  + ", exit "
                  + worst.code());
    }
    console.out().flush();
    return worst;
  }
}
