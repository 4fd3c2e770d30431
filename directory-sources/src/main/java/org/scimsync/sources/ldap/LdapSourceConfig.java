package org.scimsync.sources.ldap;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.scimsync.common.ConfigChecks;
import org.scimsync.common.ConfigValueException;
import org.scimsync.common.Secret;
import org.scimsync.engine.source.SourceException;
import org.scimsync.sources.assembly.NestedGroups;

/**
 * An LDAP server or Active Directory as the directory, read with the UnboundID LDAP SDK. Every
 * parameter documented as nullable selects its default when null; the defaults of keys, member
 * attributes and filters come from the {@link LdapFlavor}. TLS certificates and host names are
 * always verified. {@code toString()} shows the password as {@code ****}.
 *
 * @param urls {@code ldap://host[:port]} or {@code ldaps://host[:port]}: the servers of one
 *     directory (e.g. several domain controllers), tried in this order until one connects
 * @param startTls upgrade {@code ldap://} connections with StartTLS before binding
 * @param bindDn the DN to bind as; null: anonymous
 * @param bindPassword the bind password; required with a bind DN
 * @param flavor the kind of server; null: {@link LdapFlavor#OPENLDAP}
 * @param userBases where users are searched (whole subtrees); an entry found under two of them is
 *     read once
 * @param userFilter which entries are users; null: the flavor's
 * @param groupBases where groups are searched; null or empty: the user bases
 * @param groupFilter which entries are groups; null: the flavor's
 * @param userKey the users' key attribute; null: the flavor's ({@code objectGUID}, {@code
 *     entryUUID})
 * @param groupKey the groups' key attribute; null: the flavor's
 * @param memberAttributes attributes holding member DNs ({@code memberUid}: member uids); null: the
 *     flavor's
 * @param groupNameAttribute the attribute holding a group's name; null: {@code cn}
 * @param nested how nested groups count; null: {@link NestedGroups#FLATTEN}
 * @param connectTimeout how long to wait for the connection; null: 10 seconds
 * @param searchTimeout how long one search request (one page) may take, on the server and on the
 *     client; null: 60 seconds
 * @param pageSize entries per page of the paged-results control, below the server's size limit (AD:
 *     1,000); 0: 500
 * @param trustStore a trust store (PKCS12 or JKS) for the server certificate; null: the JVM's
 * @param trustStorePassword the trust store's password, if it has one
 */
public record LdapSourceConfig(
    List<String> urls,
    boolean startTls,
    @Nullable String bindDn,
    @Nullable Secret bindPassword,
    LdapFlavor flavor,
    List<String> userBases,
    String userFilter,
    List<String> groupBases,
    String groupFilter,
    String userKey,
    String groupKey,
    List<String> memberAttributes,
    String groupNameAttribute,
    NestedGroups nested,
    Duration connectTimeout,
    Duration searchTimeout,
    int pageSize,
    @Nullable Path trustStore,
    @Nullable Secret trustStorePassword) {

  /** The page size unless configured. */
  public static final int DEFAULT_PAGE_SIZE = 500;

  /** Default timeout of the configuration file for connecting and for each response. */
  public static final int DEFAULT_TIMEOUT_SECONDS = 30;

  public LdapSourceConfig(
      List<String> urls,
      boolean startTls,
      @Nullable String bindDn,
      @Nullable Secret bindPassword,
      @Nullable LdapFlavor flavor,
      List<String> userBases,
      @Nullable String userFilter,
      @Nullable List<String> groupBases,
      @Nullable String groupFilter,
      @Nullable String userKey,
      @Nullable String groupKey,
      @Nullable List<String> memberAttributes,
      @Nullable String groupNameAttribute,
      @Nullable NestedGroups nested,
      @Nullable Duration connectTimeout,
      @Nullable Duration searchTimeout,
      int pageSize,
      @Nullable Path trustStore,
      @Nullable Secret trustStorePassword) {
    this.urls = List.copyOf(Objects.requireNonNull(urls, "urls"));
    if (this.urls.isEmpty()) {
      throw new SourceException(SourceException.Kind.INVALID_INPUT, "no LDAP server URL");
    }
    this.startTls = startTls;
    this.bindDn = ConfigChecks.blankToNull(bindDn);
    this.bindPassword = bindPassword;
    this.flavor = flavor == null ? LdapFlavor.OPENLDAP : flavor;
    this.userBases = List.copyOf(Objects.requireNonNull(userBases, "userBases"));
    if (this.userBases.isEmpty()) {
      throw new SourceException(SourceException.Kind.INVALID_INPUT, "no user base");
    }
    this.userFilter = orDefault(userFilter, this.flavor.defaultUserFilter());
    this.groupBases =
        groupBases == null || groupBases.isEmpty() ? this.userBases : List.copyOf(groupBases);
    this.groupFilter = orDefault(groupFilter, this.flavor.defaultGroupFilter());
    this.userKey = orDefault(userKey, this.flavor.defaultKey());
    this.groupKey = orDefault(groupKey, this.flavor.defaultKey());
    this.memberAttributes =
        List.copyOf(
            memberAttributes == null || memberAttributes.isEmpty()
                ? this.flavor.defaultMemberAttributes()
                : memberAttributes);
    this.groupNameAttribute = orDefault(groupNameAttribute, "cn");
    this.nested = nested == null ? NestedGroups.FLATTEN : nested;
    this.connectTimeout = connectTimeout == null ? Duration.ofSeconds(10) : connectTimeout;
    this.searchTimeout = searchTimeout == null ? Duration.ofSeconds(60) : searchTimeout;
    this.pageSize = pageSize <= 0 ? DEFAULT_PAGE_SIZE : pageSize;
    this.trustStore = trustStore;
    this.trustStorePassword = trustStorePassword;
    if (this.bindDn != null && bindPassword == null) {
      throw new SourceException(
          SourceException.Kind.INVALID_INPUT, "a bind DN needs a bind password");
    }
  }

  /** One server and one base each for users and groups (null: the user base). */
  public LdapSourceConfig(
      String url,
      boolean startTls,
      @Nullable String bindDn,
      @Nullable Secret bindPassword,
      @Nullable LdapFlavor flavor,
      String userBase,
      @Nullable String userFilter,
      @Nullable String groupBase,
      @Nullable String groupFilter,
      @Nullable String userKey,
      @Nullable String groupKey,
      @Nullable List<String> memberAttributes,
      @Nullable String groupNameAttribute,
      @Nullable NestedGroups nested,
      @Nullable Duration connectTimeout,
      @Nullable Duration searchTimeout,
      int pageSize,
      @Nullable Path trustStore,
      @Nullable Secret trustStorePassword) {
    this(
        List.of(url),
        startTls,
        bindDn,
        bindPassword,
        flavor,
        List.of(userBase),
        userFilter,
        ConfigChecks.blankToNull(groupBase) == null ? null : List.of(groupBase),
        groupFilter,
        userKey,
        groupKey,
        memberAttributes,
        groupNameAttribute,
        nested,
        connectTimeout,
        searchTimeout,
        pageSize,
        trustStore,
        trustStorePassword);
  }

  /** The first server: the one shown in the source's description. */
  public String url() {
    return urls.get(0);
  }

  /** The first user base: the one shown in the source's description. */
  public String userBase() {
    return userBases.get(0);
  }

  /**
   * The settings as written in {@code source.ldap}; the keys and the nesting rule come from {@code
   * source.users} and {@code source.groups} ({@link #withKeys}). Each failure names its key. {@code
   * url}, {@code userBase} and {@code groupBase} take one value or a list.
   *
   * @param timeoutSeconds connect and response timeout (default 30); {@code connectTimeoutSeconds}
   *     and {@code searchTimeoutSeconds} override it for one of the two
   */
  @JsonCreator
  static LdapSourceConfig fromConfig(
      @JsonProperty("url") @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
          @Nullable List<URI> url,
      @JsonProperty("startTls") @Nullable Boolean startTls,
      @JsonProperty("bindDn") @Nullable String bindDn,
      @JsonProperty("bindPassword") @Nullable Secret bindPassword,
      @JsonProperty("flavor") @Nullable LdapFlavor flavor,
      @JsonProperty("userBase") @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
          @Nullable List<String> userBase,
      @JsonProperty("userFilter") @Nullable String userFilter,
      @JsonProperty("groupBase") @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
          @Nullable List<String> groupBase,
      @JsonProperty("groupFilter") @Nullable String groupFilter,
      @JsonProperty("memberAttributes") @Nullable List<String> memberAttributes,
      @JsonProperty("groupNameAttribute") @Nullable String groupNameAttribute,
      @JsonProperty("pageSize") @Nullable Integer pageSize,
      @JsonProperty("timeoutSeconds") @Nullable Integer timeoutSeconds,
      @JsonProperty("connectTimeoutSeconds") @Nullable Integer connectTimeoutSeconds,
      @JsonProperty("searchTimeoutSeconds") @Nullable Integer searchTimeoutSeconds,
      @JsonProperty("trustStore") @Nullable Path trustStore,
      @JsonProperty("trustStorePassword") @Nullable Secret trustStorePassword) {
    boolean tls = startTls != null && startTls;
    List<String> servers = LdapSectionChecks.urls(url, tls);
    ConfigChecks.requireNonBlankIfSet("bindDn", bindDn);
    if (bindDn != null && bindPassword == null) {
      throw new ConfigValueException("bindPassword", "is required with bindDn");
    }
    if (bindDn == null && bindPassword != null) {
      throw new ConfigValueException("bindDn", "is required with bindPassword");
    }
    if (userBase == null || userBase.isEmpty()) {
      throw new ConfigValueException(
          "userBase", "is required: the DN under which users live (or a list of DNs)");
    }
    List<String> userBases = LdapSectionChecks.bases("userBase", userBase);
    List<String> groupBases =
        groupBase == null ? null : LdapSectionChecks.bases("groupBase", groupBase);
    ConfigChecks.requireNonBlankIfSet("userFilter", userFilter);
    ConfigChecks.requireNonBlankIfSet("groupFilter", groupFilter);
    ConfigChecks.requireNonBlankIfSet("groupNameAttribute", groupNameAttribute);
    if (memberAttributes != null
        && (memberAttributes.isEmpty()
            || memberAttributes.stream().anyMatch(a -> a == null || a.isBlank()))) {
      throw new ConfigValueException(
          "memberAttributes", "must list at least one attribute, and no empty one");
    }
    int pages = ConfigChecks.positiveOrDefault("pageSize", pageSize, DEFAULT_PAGE_SIZE);
    int timeout =
        ConfigChecks.positiveOrDefault("timeoutSeconds", timeoutSeconds, DEFAULT_TIMEOUT_SECONDS);
    int connect =
        ConfigChecks.positiveOrDefault("connectTimeoutSeconds", connectTimeoutSeconds, timeout);
    int search =
        ConfigChecks.positiveOrDefault("searchTimeoutSeconds", searchTimeoutSeconds, timeout);
    ConfigChecks.requireTrustStoreWithPassword(trustStore, trustStorePassword);
    return new LdapSourceConfig(
        servers,
        tls,
        bindDn,
        bindPassword,
        flavor,
        userBases,
        userFilter,
        groupBases,
        groupFilter,
        null,
        null,
        memberAttributes,
        groupNameAttribute,
        null,
        Duration.ofSeconds(connect),
        Duration.ofSeconds(search),
        pages,
        trustStore,
        trustStorePassword);
  }

  /**
   * A copy with the given keys and nesting rule (null: the flavor's key, {@link
   * NestedGroups#FLATTEN}).
   */
  public LdapSourceConfig withKeys(
      @Nullable String userKey, @Nullable String groupKey, @Nullable NestedGroups nested) {
    return new LdapSourceConfig(
        urls,
        startTls,
        bindDn,
        bindPassword,
        flavor,
        userBases,
        userFilter,
        groupBases,
        groupFilter,
        userKey,
        groupKey,
        memberAttributes,
        groupNameAttribute,
        nested,
        connectTimeout,
        searchTimeout,
        pageSize,
        trustStore,
        trustStorePassword);
  }

  /** Anonymous defaults for {@code url} and {@code base} (users and groups under the same base). */
  public static LdapSourceConfig of(String url, LdapFlavor flavor, String base) {
    return new LdapSourceConfig(
        url, false, null, null, flavor, base, null, null, null, null, null, null, null, null, null,
        null, 0, null, null);
  }

  private static String orDefault(@Nullable String value, String fallback) {
    String text = ConfigChecks.blankToNull(value);
    return text == null ? fallback : text;
  }
}
