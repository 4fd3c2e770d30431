package org.scimsync.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.directory.scim.spec.filter.FilterParseException;
import org.apache.directory.scim.spec.patch.PatchOperation;
import org.apache.directory.scim.spec.patch.PatchOperationPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.scimsync.client.ScimUnsupportedException;

class MembershipBatcherTest {

  private static List<String> ids(String prefix, int count) {
    return IntStream.range(0, count).mapToObj(i -> prefix + i).toList();
  }

  @ParameterizedTest
  @CsvSource({"0,0,0", "1,0,1", "100,0,1", "101,0,2", "250,0,3", "150,100,3", "0,300,3", "60,40,1"})
  void neverPutsMoreThanTheLimitIntoOneRequest(int adds, int removes, int expectedRequests) {
    List<List<PatchOperation>> requests =
        MembershipBatcher.split(
            MembershipBatcher.memberOperations(ids("a", adds), ids("r", removes), true), 100);

    assertThat(requests).hasSize(expectedRequests);
    assertThat(requests)
        .allSatisfy(r -> assertThat(MembershipBatcher.membershipChanges(r)).isBetween(1, 100));
    assertThat(requests.stream().mapToInt(MembershipBatcher::membershipChanges).sum())
        .isEqualTo(adds + removes);
    assertThat(requests.stream().flatMap(List::stream).map(PatchOperation::getOperation))
        .doesNotContain(PatchOperation.Type.REPLACE);
  }

  @Test
  void countsOneChangePerValuePathRemoval() {
    List<PatchOperation> ops = MembershipBatcher.memberOperations(List.of(), ids("r", 5), false);

    assertThat(ops).hasSize(5).allSatisfy(op -> assertThat(op.getValue()).isNull());
    assertThat(MembershipBatcher.split(ops, 2)).extracting(List::size).containsExactly(2, 2, 1);
  }

  @Test
  void keepsOtherAttributesInTheFirstRequest() throws FilterParseException {
    PatchOperation rename =
        new PatchOperation()
            .setOperation(PatchOperation.Type.REPLACE)
            .setPath(PatchOperationPath.fromString("displayName"))
            .setValue("New name");
    List<PatchOperation> ops = new java.util.ArrayList<>(List.of(rename));
    ops.addAll(MembershipBatcher.memberOperations(ids("a", 150), List.of(), true));

    List<List<PatchOperation>> requests = MembershipBatcher.split(ops, 100);

    assertThat(requests).hasSize(2);
    assertThat(requests.get(0).get(0)).isSameAs(rename);
    assertThat(MembershipBatcher.membershipChanges(requests.get(0))).isEqualTo(100);
  }

  @Test
  void refusesAUserThatIsBothAddedAndRemoved() {
    assertThatThrownBy(() -> MembershipBatcher.memberOperations(List.of("u1"), List.of("u1"), true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("u1");
  }

  @Test
  void refusesReplaceOfMembersWithOrWithoutAPath() throws FilterParseException {
    PatchOperation withPath =
        new PatchOperation()
            .setOperation(PatchOperation.Type.REPLACE)
            .setPath(PatchOperationPath.fromString("members"))
            .setValue(List.of(Map.of("value", "u1")));
    PatchOperation withoutPath =
        new PatchOperation()
            .setOperation(PatchOperation.Type.REPLACE)
            .setValue(Map.of("displayName", "x", "members", List.of()));
    PatchOperation renameOnly =
        new PatchOperation()
            .setOperation(PatchOperation.Type.REPLACE)
            .setValue(Map.of("displayName", "x"));

    assertThatThrownBy(() -> MembershipBatcher.refuseMemberReplace("PatchGroup", List.of(withPath)))
        .isInstanceOf(ScimUnsupportedException.class);
    assertThatThrownBy(
            () -> MembershipBatcher.refuseMemberReplace("PatchGroup", List.of(withoutPath)))
        .isInstanceOf(ScimUnsupportedException.class);
    MembershipBatcher.refuseMemberReplace("PatchGroup", List.of(renameOnly));
  }
}
