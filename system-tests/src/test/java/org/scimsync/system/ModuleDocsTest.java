package org.scimsync.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The module tables of the README and docs/architecture.md say what the POMs say. */
class ModuleDocsTest {

  private static final Pattern ROW = Pattern.compile("^\\| `([\\w-]+)` \\|(.*)$");
  private static final Pattern DEPENDENCY =
      Pattern.compile("<dependency>(.*?)</dependency>", Pattern.DOTALL);

  private static Path root() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
      dir = dir.getParent();
    }
    assertThat(dir).as("the repository root (with mvnw) above the working directory").isNotNull();
    return dir;
  }

  private static List<String> pomModules() throws IOException {
    String pom = Files.readString(root().resolve("pom.xml"));
    List<String> modules = new ArrayList<>();
    Matcher m = Pattern.compile("<module>([\\w-]+)</module>").matcher(pom);
    while (m.find()) {
      modules.add(m.group(1));
    }
    return modules;
  }

  /** The rows of the first table under {@code heading}: module name to the rest of the row. */
  private static Map<String, String> table(Path file, String heading) throws IOException {
    Map<String, String> rows = new LinkedHashMap<>();
    boolean inSection = false;
    for (String line : Files.readAllLines(file)) {
      if (line.startsWith("## ")) {
        inSection = line.equals(heading);
        continue;
      }
      Matcher m = ROW.matcher(line);
      if (inSection && m.matches()) {
        rows.put(m.group(1), m.group(2));
      }
    }
    return rows;
  }

  /** The org.scimsync modules a POM depends on outside the test scope. */
  private static TreeSet<String> dependencies(String module) throws IOException {
    String pom = Files.readString(root().resolve(module).resolve("pom.xml"));
    TreeSet<String> names = new TreeSet<>();
    Matcher m = DEPENDENCY.matcher(pom.substring(Math.max(0, pom.indexOf("<dependencies>"))));
    while (m.find()) {
      String dependency = m.group(1);
      if (dependency.contains("<groupId>org.scimsync</groupId>")
          && !dependency.contains("<scope>test</scope>")) {
        Matcher artifact =
            Pattern.compile("<artifactId>([\\w-]+)</artifactId>").matcher(dependency);
        artifact.find();
        names.add(artifact.group(1));
      }
    }
    return names;
  }

  @Test
  void theReadmeListsExactlyTheModulesOfTheRootPom() throws IOException {
    assertThat(table(root().resolve("README.md"), "## Modules").keySet())
        .containsExactlyElementsOf(pomModules());
  }

  @Test
  void theArchitecturePageListsEveryModuleWithItsDependencies() throws IOException {
    Map<String, String> rows = table(root().resolve("docs/architecture.md"), "## Modules");
    assertThat(rows.keySet()).containsExactlyElementsOf(pomModules());
    for (Map.Entry<String, String> row : rows.entrySet()) {
      String dependsOn = row.getValue().split("\\|")[1].trim();
      TreeSet<String> documented = new TreeSet<>();
      if (!dependsOn.startsWith("–")) {
        for (String name : dependsOn.split(",")) {
          documented.add(name.trim());
        }
      }
      assertThat(documented)
          .as("dependencies of " + row.getKey())
          .isEqualTo(dependencies(row.getKey()));
    }
  }
}
