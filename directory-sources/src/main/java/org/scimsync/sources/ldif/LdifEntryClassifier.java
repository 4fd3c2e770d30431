package org.scimsync.sources.ldif;

import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldif.LDIFReaderEntryTranslator;
import com.unboundid.util.StaticUtils;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.scimsync.engine.source.Attributes;
import org.scimsync.sources.read.DnReferences;
import org.scimsync.sources.read.EntryAttributes;

/**
 * Turns each entry the LDIF parser decoded into what the snapshot needs: user, group or neither (by
 * objectClass), its normalised DN, key, attributes and member references. The parser calls it on
 * its worker threads, so this work runs in parallel with reading; it keeps no state but the
 * thread-safe {@link DnReferences}. What it cannot know there (the line number, which the reading
 * thread takes from {@link LdifLineReader}) is added by the reader.
 */
final class LdifEntryClassifier implements LDIFReaderEntryTranslator {

  /** What an entry is to the snapshot. */
  enum Kind {
    USER,
    GROUP,
    OTHER
  }

  private final LdifSourceConfig config;
  private final Set<String> memberAttributes;
  private final DnReferences references;

  LdifEntryClassifier(LdifSourceConfig config, DnReferences references) {
    this.config = config;
    this.memberAttributes = EntryAttributes.lowerCase(config.memberAttributes());
    this.references = references;
  }

  @Override
  public Entry translate(Entry entry, long firstLineNumber) {
    return new Classified(classify(entry));
  }

  Parsed classify(Entry entry) {
    String dn = entry.getDN();
    String reference = references.normalize(dn);
    Kind kind = kindOf(entry);
    if (reference == null || kind == Kind.OTHER) {
      return new Parsed(kind, dn, reference, null, null, Map.of(), List.of(), List.of());
    }
    boolean group = kind == Kind.GROUP;
    String keyAttribute = group ? config.groupKey() : config.userKey();
    String keyName = keyAttribute == null ? LdifDirectorySource.ENTRY_UUID : keyAttribute;
    String attributeKey =
        keyName.equalsIgnoreCase(LdifSourceConfig.DN_KEY)
            ? null
            : EntryAttributes.key(entry, keyName);
    if (!group) {
      Map<String, List<Object>> attributes = EntryAttributes.of(entry, Set.of());
      return new Parsed(kind, dn, reference, attributeKey, null, attributes, List.of(), List.of());
    }
    Attributes.Builder attributes = EntryAttributes.builder(entry, memberAttributes);
    String name = EntryAttributes.groupName(entry, config.groupNameAttribute(), attributes);
    List<String> members = new ArrayList<>();
    List<String> notDns = new ArrayList<>(0);
    for (String attribute : config.memberAttributes()) {
      String[] values = entry.getAttributeValues(attribute);
      if (values != null) {
        references.addMembers(
            members,
            List.of(values),
            value -> notDns.add(attribute + " value is not a DN, ignored: " + value));
      }
    }
    return new Parsed(
        kind, dn, reference, attributeKey, name, attributes.build(), members, List.copyOf(notDns));
  }

  private Kind kindOf(Entry entry) {
    String[] classes = entry.getObjectClassValues();
    if (classes == null) {
      return Kind.OTHER;
    }
    if (hasClass(classes, config.groupObjectClasses())) {
      return Kind.GROUP;
    }
    return hasClass(classes, config.userObjectClasses()) ? Kind.USER : Kind.OTHER;
  }

  private static boolean hasClass(String[] values, Set<String> classes) {
    for (String value : values) {
      if (classes.contains(StaticUtils.toLowerCase(value))) {
        return true;
      }
    }
    return false;
  }

  /**
   * An entry as classified, before its line and key rule are known.
   *
   * @param reference the normalised DN, or null when the DN is invalid
   * @param attributeKey the key from the configured (or default) key attribute, or null
   * @param name the group's name; null for users
   * @param problems member values that are not DNs, described for a warning
   */
  record Parsed(
      Kind kind,
      String dn,
      @Nullable String reference,
      @Nullable String attributeKey,
      @Nullable String name,
      Map<String, List<Object>> attributes,
      List<String> members,
      List<String> problems) {}

  /** Carries a {@link Parsed} entry through the parser, which hands out {@link Entry} objects. */
  static final class Classified extends Entry {

    private final transient Parsed parsed;

    Classified(Parsed parsed) {
      super(parsed.dn());
      this.parsed = parsed;
    }

    Parsed parsed() {
      return parsed;
    }
  }
}
