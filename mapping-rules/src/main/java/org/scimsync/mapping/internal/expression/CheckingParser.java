package org.scimsync.mapping.internal.expression;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.apache.commons.jexl3.JexlFeatures;
import org.apache.commons.jexl3.JexlInfo;
import org.apache.commons.jexl3.internal.Scope;
import org.apache.commons.jexl3.parser.ASTERNode;
import org.apache.commons.jexl3.parser.ASTFunctionNode;
import org.apache.commons.jexl3.parser.ASTIdentifier;
import org.apache.commons.jexl3.parser.ASTIdentifierAccess;
import org.apache.commons.jexl3.parser.ASTJexlScript;
import org.apache.commons.jexl3.parser.ASTMethodNode;
import org.apache.commons.jexl3.parser.ASTNRNode;
import org.apache.commons.jexl3.parser.ASTReference;
import org.apache.commons.jexl3.parser.ASTStringLiteral;
import org.apache.commons.jexl3.parser.JexlNode;
import org.apache.commons.jexl3.parser.JexlScriptParser;
import org.apache.commons.jexl3.parser.Parser;
import org.apache.commons.jexl3.parser.StringProvider;
import org.jspecify.annotations.Nullable;
import org.scimsync.mapping.internal.schema.EditDistance;

/**
 * JEXL's parser, followed by the checks that can be decided before any entry is mapped: a method
 * the sandbox lets no class be called with (a misspelt or forbidden name), a method called on the
 * entry itself that the entry view does not have, a function (mapping expressions have none but the
 * {@code empty} and {@code size} operators), and a regular expression written in the expression
 * that does not compile. Without these checks such an expression would fail alike for every entry,
 * at run time. Template expressions ({@code `${...}`}) are parsed by this parser too, so the checks
 * cover them.
 *
 * <p>What depends on the value a method is called on (a list method on a string) is still left to
 * the sandbox at run time.
 */
final class CheckingParser implements JexlScriptParser {

  private final Parser parser = new Parser(new StringProvider(";"));
  private final Set<String> variables;
  private final List<String> entryMethods;
  private final SortedSet<String> methods;

  /**
   * @param variables the names of the entry variables ({@code user}, {@code group})
   * @param entryMethods the methods of the entry view
   * @param methods every method name the sandbox lets some class be called with
   */
  CheckingParser(Set<String> variables, List<String> entryMethods, Set<String> methods) {
    this.variables = Set.copyOf(variables);
    this.entryMethods = List.copyOf(entryMethods);
    this.methods = new TreeSet<>(methods);
  }

  @Override
  public ASTJexlScript parse(
      JexlInfo info, JexlFeatures features, String source, @Nullable Scope scope) {
    ASTJexlScript script = parser.parse(info, features, source, scope);
    check(script);
    return script;
  }

  @Override
  public ASTJexlScript jxltParse(
      JexlInfo info, JexlFeatures features, String source, @Nullable Scope scope) {
    ASTJexlScript script = parser.jxltParse(info, features, source, scope);
    check(script);
    return script;
  }

  private void check(JexlNode node) {
    if (node instanceof ASTFunctionNode function) {
      throw new Refused(
          "'"
              + name(function.jjtGetChild(0))
              + "(...)' at column "
              + function.getColumn()
              + " is not a function of mapping expressions; they have empty(x) and size(x), and"
              + " methods such as user.all('mail')");
    }
    if (node instanceof ASTMethodNode method
        && method.jjtGetChild(0) instanceof ASTIdentifierAccess access) {
      checkMethod(method, access.getName());
    }
    if ((node instanceof ASTERNode || node instanceof ASTNRNode)
        && node.jjtGetChild(1) instanceof ASTStringLiteral regex) {
      checkRegex(regex);
    }
    for (int i = 0; i < node.jjtGetNumChildren(); i++) {
      check(node.jjtGetChild(i));
    }
  }

  private void checkMethod(ASTMethodNode method, String name) {
    String variable = entryReceiver(method);
    if (variable != null && !entryMethods.contains(name)) {
      throw new Refused(
          "method '"
              + name
              + "' at column "
              + method.getColumn()
              + " is not available on '"
              + variable
              + "'"
              + suggestion(name, entryMethods));
    }
    if (!methods.contains(name)) {
      throw new Refused(
          "method '"
              + name
              + "' at column "
              + method.getColumn()
              + " is not available in mapping expressions"
              + suggestion(name, methods));
    }
  }

  private static void checkRegex(ASTStringLiteral regex) {
    try {
      Pattern.compile(regex.getLiteral());
    } catch (PatternSyntaxException e) {
      throw new Refused(
          "invalid regular expression '"
              + regex.getLiteral()
              + "' at column "
              + regex.getColumn()
              + ": "
              + e.getDescription());
    }
  }

  /** The entry variable the method is called on directly ({@code user.all(...)}), else null. */
  private @Nullable String entryReceiver(ASTMethodNode method) {
    JexlNode parent = method.jjtGetParent();
    if (parent instanceof ASTReference
        && parent.jjtGetNumChildren() > 1
        && parent.jjtGetChild(1) == method
        && parent.jjtGetChild(0) instanceof ASTIdentifier identifier
        && variables.contains(identifier.getName())) {
      return identifier.getName();
    }
    return null;
  }

  private static String suggestion(String name, java.util.Collection<String> known) {
    String closest =
        known.stream()
            .min(Comparator.comparingInt(candidate -> EditDistance.between(candidate, name)))
            .orElse(null);
    if (closest != null && EditDistance.between(closest, name) <= Math.max(2, name.length() / 3)) {
      return "; did you mean '" + closest + "'?";
    }
    return "; the methods are " + String.join(", ", known);
  }

  private static String name(JexlNode node) {
    if (node instanceof ASTIdentifier identifier) {
      return identifier.getName();
    }
    return node.toString();
  }

  /** An expression refused by the checks; the compiler names the key. */
  static final class Refused extends RuntimeException {

    private static final long serialVersionUID = 1L;

    Refused(String message) {
      super(message, null, false, false);
    }
  }
}
