package org.scimsync.mapping.internal.expression;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.jexl3.JexlArithmetic;
import org.apache.commons.jexl3.JexlBuilder;
import org.apache.commons.jexl3.JexlEngine;
import org.apache.commons.jexl3.JexlException;
import org.apache.commons.jexl3.JexlExpression;
import org.apache.commons.jexl3.JexlFeatures;
import org.apache.commons.jexl3.JexlInfo;
import org.apache.commons.jexl3.JexlScript;
import org.apache.commons.jexl3.introspection.JexlPermissions;
import org.apache.commons.jexl3.introspection.JexlSandbox;
import org.scimsync.mapping.MappingConfigException;

/**
 * Compiles mapping expressions with a sandboxed JEXL engine.
 *
 * <p>Three layers keep expressions inside their box:
 *
 * <ul>
 *   <li>Syntax ({@link JexlFeatures}): expressions only; no loops, assignments or other side
 *       effects, {@code new}, lambdas, local variables, pragmas, annotations or namespaces.
 *   <li>Permissions ({@link JexlPermissions}, stricter than {@code RESTRICTED}): only {@code
 *       java.lang}, {@code java.util}, {@code java.math} and the entry view are visible; {@code
 *       Class}, {@code ClassLoader}, {@code System}, {@code Runtime}, threads, reflection, I/O,
 *       network and {@code Object.getClass()} are not.
 *   <li>Sandbox ({@link JexlSandbox}, deny by default): the entry view's attributes and helper
 *       methods, indexing and a few read-only methods of lists and maps, and a list of side-effect
 *       free string methods. Everything else, on every class, is refused.
 * </ul>
 *
 * <p>What the sandbox would refuse for every entry is refused at load time already ({@link
 * CheckingParser}): a method name no class may be called with, a method the entry view does not
 * have, a function, a regular expression literal that does not compile.
 *
 * <p>The engine is strict: an unknown variable, method or property, or arithmetic on null, is an
 * error rather than a silent null.
 */
public final class ExpressionCompiler {

  private static final String NOTHING = "-nothing-";

  /** String methods an expression may call; all of them are pure. */
  private static final String[] STRING_METHODS = {
    "toLowerCase",
    "toUpperCase",
    "trim",
    "strip",
    "substring",
    "replace",
    "startsWith",
    "endsWith",
    "contains",
    "indexOf",
    "lastIndexOf",
    "length",
    "isEmpty",
    "isBlank",
    "split",
    "concat"
  };

  /** The methods of the entry view an expression may call. */
  private static final List<String> ENTRY_METHODS =
      List.of("all", "first", "fromGroups", "fromGroupPrefix");

  private static final List<String> LIST_METHODS =
      List.of("size", "isEmpty", "contains", "get", "indexOf");

  private static final List<String> MAP_METHODS = List.of("size", "isEmpty", "containsKey", "get");

  /** The names of the entry variables of the sections. */
  private static final Set<String> VARIABLES = Set.of("user", "group");

  private static final JexlPermissions PERMISSIONS =
      JexlPermissions.parse(
          "java.lang.*",
          "java.util.*",
          "java.math.*",
          EntryView.class.getPackageName() + ".*",
          "java.lang { Runtime {} System {} ProcessBuilder {} Process {} ProcessHandle {} Class {}"
              + " ClassLoader {} ClassValue {} Thread {} ThreadGroup {} ThreadLocal {}"
              + " InheritableThreadLocal {} Module {} ModuleLayer {} Package {} StackWalker {}"
              + " SecurityManager {} RuntimePermission {} Compiler {}"
              + " Object { getClass(); wait(); notify(); notifyAll(); } }",
          "java.lang.annotation {}",
          "java.lang.instrument {}",
          "java.lang.invoke {}",
          "java.lang.management {}",
          "java.lang.module {}",
          "java.lang.ref {}",
          "java.lang.reflect {}",
          "java.util { ServiceLoader {} Scanner {} Timer {} Properties {} ResourceBundle {} }",
          "java.util.concurrent {}",
          "java.util.jar {}",
          "java.util.logging {}",
          "java.util.prefs {}",
          "java.util.spi {}",
          "java.util.zip {}");

  /** One engine for the process: it is thread-safe, and its introspection caches are shared. */
  private static final JexlEngine ENGINE = createEngine();

  private final JexlEngine engine = ENGINE;

  private static JexlEngine createEngine() {
    JexlFeatures features =
        JexlFeatures.createNone()
            .methodCall(true)
            .structuredLiteral(true)
            .arrayReferenceExpr(true)
            .comparatorNames(true)
            .loops(false)
            .sideEffect(false)
            .sideEffectGlobal(false)
            .newInstance(false)
            .lambda(false)
            .thinArrow(false)
            .fatArrow(false)
            .localVar(false)
            .script(false)
            .pragma(false)
            .pragmaAnywhere(false)
            .annotation(false)
            .importPragma(false)
            .namespacePragma(false)
            .namespaceIdentifier(false)
            .namespaceInstantiation(false);
    Set<String> methods = new HashSet<>(ENTRY_METHODS);
    methods.addAll(Arrays.asList(STRING_METHODS));
    methods.addAll(LIST_METHODS);
    methods.addAll(MAP_METHODS);
    return new JexlBuilder()
        .features(features)
        .parserFactory(() -> new CheckingParser(VARIABLES, ENTRY_METHODS, methods))
        .permissions(PERMISSIONS)
        .sandbox(sandbox())
        .arithmetic(new JexlArithmetic(true))
        .strict(true)
        .silent(false)
        .safe(false)
        .antish(false)
        .booleanLogical(true)
        // a cache, even a small one, turns on the per-node caching of resolved properties
        // and methods, which is what makes repeated evaluation fast
        .cache(64)
        .create();
  }

  private static JexlSandbox sandbox() {
    JexlSandbox sandbox = new JexlSandbox(false, true);
    // every property name reads an attribute; only the documented helpers can be called
    sandbox
        .permissions(EntryView.class.getName(), true, false, true)
        .execute(ENTRY_METHODS.toArray(String[]::new));
    sandbox
        .permissions(String.class.getName(), true, false, true)
        .read(NOTHING)
        .execute(STRING_METHODS);
    sandbox
        .permissions(List.class.getName(), true, false, true)
        .execute(LIST_METHODS.toArray(String[]::new));
    sandbox
        .permissions(java.util.Map.class.getName(), true, false, true)
        .execute(MAP_METHODS.toArray(String[]::new));
    sandbox.permissions(String[].class.getName(), true, false, true).execute(NOTHING);
    sandbox.permissions(Object[].class.getName(), true, false, true).execute(NOTHING);
    return sandbox;
  }

  /**
   * Compiles one expression, once, at load time.
   *
   * @param key the configuration key, e.g. {@code users.map.displayName}
   * @param variable the one variable the expression may use: {@code user} or {@code group}
   * @param source the expression text
   * @throws MappingConfigException naming the key, for a syntax error, a construct the sandbox
   *     refuses, or an unknown variable
   */
  public RuleExpression compile(String key, String variable, String source) {
    if (source.isBlank()) {
      throw new MappingConfigException(key, "the expression is empty");
    }
    JexlExpression expression;
    try {
      expression = engine.createExpression(new JexlInfo(key, 1, 1), source);
    } catch (JexlException e) {
      throw new MappingConfigException(key, JexlMessages.describe(e), e);
    } catch (CheckingParser.Refused e) {
      throw new MappingConfigException(key, e.getMessage(), e);
    }
    if (expression instanceof JexlScript script) {
      Set<List<String>> variables = script.getVariables();
      for (List<String> reference : variables) {
        if (!reference.isEmpty() && !reference.get(0).equals(variable)) {
          throw new MappingConfigException(
              key,
              "unknown variable '"
                  + reference.get(0)
                  + "'; expressions here can only use '"
                  + variable
                  + "'");
        }
      }
    }
    return new RuleExpression(key, expression);
  }
}
