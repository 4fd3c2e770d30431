package org.scimsync.system;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scimsync.cli.app.Application;
import org.scimsync.cli.config.ConfigLoader;
import org.scimsync.emulator.ScimEmulator;
import org.scimsync.engine.testing.Eventually;
import org.scimsync.service.SyncService;
import org.scimsync.sources.ldap.servers.OpenLdapServer;

/**
 * {@code scim-sync serve} with {@code schedule.watch: true} against a real slapd: an LDAP modify
 * reaches the target within 10 seconds, with no schedule and no webhook call, and still does after
 * slapd was killed and restarted.
 */
class WatchServeIT {

  private static final String TOKEN = "watch-token";
  private static OpenLdapServer server;

  @TempDir Path dir;

  @BeforeAll
  static void startServer() throws Exception {
    server = OpenLdapServer.get();
  }

  @Test
  void aDirectoryChangeReachesTheTargetWithinTenSeconds() throws Exception {
    String base =
        "ou=watch-" + UUID.randomUUID().toString().substring(0, 8) + "," + OpenLdapServer.BASE;
    String people = "ou=People," + base;
    try (LDAPConnection admin = server.admin()) {
      admin.add(base, new Attribute("objectClass", "organizationalUnit"));
      admin.add(people, new Attribute("objectClass", "organizationalUnit"));
      for (String uid : List.of("wanda", "walt")) {
        admin.add(
            "uid=" + uid + "," + people,
            new Attribute("objectClass", "inetOrgPerson"),
            new Attribute("uid", uid),
            new Attribute("cn", uid),
            new Attribute("sn", uid),
            new Attribute("mail", uid + "@example.com"));
      }
    }
    try (ScimEmulator emulator = ScimEmulator.builder().port(0).token(TOKEN).build().start()) {
      Path config = dir.resolve("scim-sync.yaml");
      Files.writeString(
          config,
          """
          source:
            type: ldap
            ldap:
              url: %s
              bindDn: "%s"
              bindPassword: "%s"
              userBase: "%s"
          target:
            url: %s
            token: ${SCIM_TOKEN}
          users:
            map:
              userName: user.mail
              displayName: user.cn
              name.givenName: user.cn
              name.familyName: user.sn
          schedule:
            watch: true
          webhook:
            listen: 127.0.0.1:0
          """
              .formatted(
                  server.ldapUrl(),
                  OpenLdapServer.BIND_DN,
                  OpenLdapServer.BIND_PASSWORD,
                  people,
                  emulator.baseUri()));
      var loaded = new ConfigLoader(Map.of("SCIM_TOKEN", TOKEN)).load(config);
      try (Application app = Application.open(loaded);
          SyncService service = app.startService()) {
        // nothing ever ran: the service catches up at start
        awaitUser(emulator, "walt@example.com", Duration.ofSeconds(60));

        modifyMail("uid=wanda," + people, "wanda.watched@example.com");
        awaitUser(emulator, "wanda.watched@example.com", Duration.ofSeconds(10));

        server.restart();
        modifyMail("uid=walt," + people, "walt.after.restart@example.com");
        awaitUser(emulator, "walt.after.restart@example.com", Duration.ofSeconds(20));
      }
    }
  }

  private static void modifyMail(String dn, String mail) throws Exception {
    try (LDAPConnection admin = server.admin()) {
      admin.modify(dn, new Modification(ModificationType.REPLACE, "mail", mail));
    }
  }

  private static void awaitUser(ScimEmulator emulator, String userName, Duration within) {
    Eventually.await(
        within,
        userName + " in the target",
        () -> emulator.snapshot().users().stream().anyMatch(u -> u.userName().equals(userName)));
  }
}
