// Writes upgrade/state-v8.db through the public StateStore API of scim-sync 9cf8a8c (schema 8),
// the last version before targets had names. Not compiled by the build; run once, by hand:
//   java -cp <state-store's classpath at 9cf8a8c> MakeStateV8.java state-v8.db
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.scimsync.engine.state.ChangeOutcome;
import org.scimsync.engine.state.JournalEntry;
import org.scimsync.engine.state.Link;
import org.scimsync.engine.state.MappingMemo;
import org.scimsync.engine.state.ObjectKind;
import org.scimsync.engine.state.RunDetails;
import org.scimsync.engine.state.RunStart;
import org.scimsync.engine.state.RunStatus;
import org.scimsync.engine.state.RunSummary;
import org.scimsync.engine.state.SourceCheckpoint;
import org.scimsync.engine.state.SteadyState;
import org.scimsync.state.sqlite.SqliteStateStore;

public class MakeStateV8 {
  static final Instant T = Instant.parse("2026-12-01T08:00:00.000000001Z");

  public static void main(String[] args) throws Exception {
    ObjectMapper json = new ObjectMapper();
    try (SqliteStateStore store = SqliteStateStore.open(Path.of(args[0]))) {
      // run 1: the full run that created everything, succeeded
      long full = store.beginRun(new RunStart("cli", true, false, T));
      long j1 = store.journalBegin(full,
          new JournalEntry("CREATE_USER", ObjectKind.USER, "uid=alice", null, "alice", List.of()));
      store.saveLink(new Link(ObjectKind.USER, "uid=alice", "t-alice", "hash-alice", false, T),
          (ObjectNode) json.readTree("{\"userName\":\"alice\",\"active\":true}"));
      store.journalEnd(j1, new ChangeOutcome(ChangeOutcome.Result.APPLIED, 201, "t-alice", null));
      store.saveLink(new Link(ObjectKind.USER, "uid=bob", "t-bob", "hash-bob", false, T));
      store.saveLink(new Link(ObjectKind.USER, "uid=carol", "t-carol", "hash-carol", true, T));
      store.saveLink(new Link(ObjectKind.GROUP, "cn=admins", "g-admins", "hash-admins", false, T),
          (ObjectNode) json.readTree("{\"displayName\":\"admins\"}"));
      store.saveLink(new Link(ObjectKind.GROUP, "cn=ops", "g-ops", "hash-ops", false, T));
      store.addMemberships("cn=admins", List.of("uid=alice", "uid=bob"));
      store.addMemberships("cn=ops", List.of("uid=bob", "uid=carol"));
      store.finishRun(full,
          new RunSummary(RunStatus.SUCCEEDED, 5, 5, 0, T.plusSeconds(30), null));
      store.saveRunDetails(full,
          new RunDetails(List.of("line 7: no mail"), List.of(), "CREATE_USER alice\n"));

      // run 2: an incremental run, partial, one change refused
      long partial = store.beginRun(new RunStart("schedule", false, false, T.plusSeconds(3600)));
      long j2 = store.journalBegin(partial, new JournalEntry(
          "PATCH_USER", ObjectKind.USER, "uid=bob", "t-bob", "bob", List.of("displayName")));
      store.journalEnd(j2, new ChangeOutcome(ChangeOutcome.Result.FAILED, 400, null, "refused"));
      store.finishRun(partial, new RunSummary(
          RunStatus.PARTIAL, 1, 0, 1, T.plusSeconds(3610), "1 change failed"));
      store.saveRunDetails(partial,
          new RunDetails(List.of(), List.of("DELETE_USER dave"), "PATCH_USER bob\n"));

      // run 3: killed mid-way, its one change journaled and never ended
      long killed = store.beginRun(new RunStart("webhook", false, false, T.plusSeconds(7200)));
      store.journalBegin(killed, new JournalEntry(
          "CREATE_USER", ObjectKind.USER, "uid=erin", null, "erin", List.of()));

      store.updateMappingMemo(new MappingMemo.Update("rules-v8",
          Map.of("uid=alice", new MappingMemo.Entry("src-alice", "alice", "hash-alice"),
              "uid=bob", new MappingMemo.Entry("src-bob", "bob", "hash-bob")),
          Set.of()));
      store.recordSteadyState(new SteadyState("inputs-v8", partial, 5, List.of("line 7: no mail")));
      store.saveTargetCapabilities(Map.of("membersOnCreate", "false", "memberLimit", "100"));
      store.saveSourceCheckpoint(new SourceCheckpoint("inputs-v8", "cookie-v8"));
    }
  }
}
