package org.scimsync.sources.ldap.changes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.scimsync.common.Sha256;
import org.scimsync.sources.ldap.LdapSourceConfig;

/**
 * The position a change read continues from, and what it is valid for. Encoded as {@code ldapcp1:}
 * and the URL-safe base64 of a small JSON object; callers treat it as opaque.
 *
 * @param mechanism how the changes are found
 * @param server the identity of the server (or replicated database) the positions are of: {@code
 *     openldap:<entryUUID of the naming context>} or {@code ad:<invocationId of the DC>}
 * @param settings the fingerprint of the settings that decide which entries are read ({@link
 *     #settingsOf})
 * @param positions per search: the content synchronization cookie (base64), the highest entryCSN,
 *     or under {@value #USN} the highestCommittedUSN
 */
record Checkpoint(
    ChangeMechanism mechanism, String server, String settings, Map<String, String> positions) {

  static final String PREFIX = "ldapcp1:";
  static final String USN = "usn";
  private static final ObjectMapper JSON = new ObjectMapper();

  Checkpoint {
    Objects.requireNonNull(mechanism, "mechanism");
    Objects.requireNonNull(server, "server");
    Objects.requireNonNull(settings, "settings");
    positions = Map.copyOf(positions);
  }

  /** The text handed to callers. */
  String encode() {
    Wire wire = new Wire(1, mechanism.label(), server, settings, new TreeMap<>(positions));
    try {
      return PREFIX
          + Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(wire));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a checkpoint could not be written", e);
    }
  }

  /** The checkpoint {@code text} encodes, or null when it is not one this version wrote. */
  static @Nullable Checkpoint decode(String text) {
    if (!text.startsWith(PREFIX)) {
      return null;
    }
    try {
      byte[] json = Base64.getUrlDecoder().decode(text.substring(PREFIX.length()));
      Wire wire = JSON.readValue(json, Wire.class);
      if (wire.version() != 1 || wire.server() == null || wire.settings() == null) {
        return null;
      }
      ChangeMechanism mechanism = null;
      for (ChangeMechanism candidate : ChangeMechanism.values()) {
        if (candidate.label().equals(wire.mechanism())) {
          mechanism = candidate;
        }
      }
      if (mechanism == null || wire.positions() == null) {
        return null;
      }
      return new Checkpoint(mechanism, wire.server(), wire.settings(), wire.positions());
    } catch (IllegalArgumentException | java.io.IOException e) {
      return null;
    }
  }

  /** The position under {@code name}, or null. */
  @Nullable String position(String name) {
    return positions.get(name);
  }

  /**
   * The fingerprint of every setting that decides which entries a read returns and how they are
   * turned into users and groups; the servers' URLs are not part of it (the server identity is).
   */
  static String settingsOf(LdapSourceConfig config) {
    MessageDigest digest = Sha256.digest();
    Sha256.field(digest, config.flavor().configName());
    field(digest, config.userBases());
    Sha256.field(digest, config.userFilter());
    field(digest, config.groupBases());
    Sha256.field(digest, config.groupFilter());
    Sha256.field(digest, config.userKey());
    Sha256.field(digest, config.groupKey());
    field(digest, config.memberAttributes());
    Sha256.field(digest, config.groupNameAttribute());
    Sha256.field(digest, config.nested().configName());
    return Sha256.hex(digest).substring(0, 16);
  }

  private static void field(MessageDigest digest, List<String> values) {
    Sha256.field(digest, String.valueOf(values.size()));
    values.forEach(value -> Sha256.field(digest, value));
  }

  /** The JSON form. */
  record Wire(
      int version,
      @Nullable String mechanism,
      @Nullable String server,
      @Nullable String settings,
      @Nullable Map<String, String> positions) {}
}
