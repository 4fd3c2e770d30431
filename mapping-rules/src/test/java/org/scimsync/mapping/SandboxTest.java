package org.scimsync.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Expressions must not reach classes, the file system, the network or the process. Every escape
 * attempt must fail, at load time or for the entry, and leave no trace.
 */
class SandboxTest {

  @TempDir static Path sandboxDir;

  private static final String MARKER = "MARKER";

  static Stream<String> escapes() {
    String file = sandboxDir.resolve("pwned").toString().replace("\\", "/");
    return Stream.of(
        // reflection and class access
        "user.getClass()",
        "user.getClass().forName('java.lang.Runtime')",
        "''.getClass()",
        "''.class",
        "''.class.forName('java.lang.Runtime')",
        "[].getClass().getClassLoader()",
        "{}.getClass()",
        "user.all('mail').getClass()",
        "user.all('mail').class",
        "user.mail.getClass().forName('java.lang.System')",
        "user.class.forName('java.lang.Runtime')",
        "user.groups.getClass()",
        "user.mail.getBytes()",
        "user.get('mail').getClass()",
        "user.fromGroups({}).getClass()",
        // static access and process execution
        "java.lang.Runtime.getRuntime().exec('touch " + file + "')",
        "Runtime.getRuntime().exec('touch " + file + "')",
        "System.exit(3)",
        "System.getenv('HOME')",
        "java.lang.System.getProperty('user.home')",
        "''.getClass().forName('java.lang.Runtime').getRuntime().exec('touch " + file + "')",
        // instantiation: files and network
        "new('java.io.File', '" + file + "').createNewFile()",
        "new('java.io.FileOutputStream', '" + file + "')",
        "new('java.net.URL', 'http://127.0.0.1:9/').openStream()",
        "new java.io.File('" + file + "')",
        // side effects, loops, scripts, lambdas, pragmas, annotations, namespaces
        "x = 1",
        "user.mail = 'x'",
        "user['mail'] = 'x'",
        "user.all('mail').add('" + MARKER + "')",
        "user.all('mail').clear()",
        "user.all('mail')[0] = 'x'",
        "var x = 1",
        "let x = 1",
        "for (var m : user.all('mail')) { m }",
        "while (true) { 1 }",
        "(x) -> x",
        "function(x) { x }",
        "x -> x",
        "1; 2",
        "#pragma jexl.import java.lang\nRuntime",
        "#pragma jexl.namespace.rt java.lang.Runtime\nrt:getRuntime()",
        "@silent user.mail",
        "rt:getRuntime()",
        "math:abs(1)",
        // templates are parsed and run by the same sandboxed engine
        "`${user.getClass()}`",
        "`${x = 1}`",
        "`${new('java.io.File', '" + file + "').createNewFile()}`",
        "`${java.lang.Runtime.getRuntime().exec('touch " + file + "')}`",
        // the context is read-only and the view exposes no setters
        "user.all('mail').toArray()",
        "user.all('mail').remove(0)");
  }

  @ParameterizedTest
  @MethodSource("escapes")
  void escapeAttemptsFailAndLeaveNoTrace(String expression) throws Exception {
    TestEntry user = TestEntry.entry("k").with("mail", "a@example.com");
    Throwable atLoad = catchThrowable(() -> Rules.users("title", expression));
    MappingResult result = null;
    if (atLoad == null) {
      result = Rules.users("title", expression).mapUser(user);
    }

    if (atLoad != null) {
      assertThat(atLoad).isInstanceOf(MappingConfigException.class);
      assertThat(((MappingConfigException) atLoad).key()).isEqualTo("users.map.title");
    } else if (result instanceof MappingResult.Mapped mapped) {
      // title is optional: its expression failing leaves it out, with a warning
      assertThat(mapped.resource().has("title")).isFalse();
      assertThat(mapped.warnings())
          .singleElement()
          .asString()
          .startsWith("users.map.title: ")
          .endsWith("; title left out");
    } else {
      assertThat(result).isInstanceOf(MappingResult.Rejected.class);
    }
    try (Stream<Path> files = Files.list(sandboxDir)) {
      assertThat(files).isEmpty();
    }
    assertThat(user.values("mail")).containsExactly("a@example.com");
  }

  @Test
  void aPropertyNamedClassIsAnAttributeNotTheJavaClass() {
    MappingResult.Mapped withoutAttribute =
        Rules.mapped(Rules.users("title", "user.class").mapUser(TestEntry.entry("k")));
    MappingResult.Mapped withAttribute =
        Rules.mapped(
            Rules.users("title", "user.class")
                .mapUser(TestEntry.entry("k").with("class", "first-class")));

    assertThat(withoutAttribute.resource().has("title")).isFalse();
    assertThat(withAttribute.resource().path("title").asText()).isEqualTo("first-class");
  }

  @Test
  void theIncludeExpressionIsSandboxedToo() {
    Throwable thrown =
        catchThrowable(
            () ->
                MappingRules.compile(
                    new RuleSpec("java.lang.System.exit(3) == null", java.util.Map.of(), List.of()),
                    RuleSpec.defaults(),
                    SanitizerProfile.GENERIC));

    assertThat(thrown).isInstanceOf(MappingConfigException.class);
    assertThat(((MappingConfigException) thrown).key()).isEqualTo("users.include");
  }
}
