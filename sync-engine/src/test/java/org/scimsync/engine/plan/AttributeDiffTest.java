package org.scimsync.engine.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.scimsync.engine.target.AttributeChange;
import org.scimsync.engine.target.PatchPaths;

class AttributeDiffTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String EXT = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "equal | {'userName':'a','title':'x'} | {'userName':'a','title':'x'} | []",
        "server fields ignored | {'id':'1','meta':{},'schemas':[],'userName':'a'} | {'userName':'a'}"
            + " | []",
        "changed simple | {'title':'x'} | {'title':'y'} | [REPLACE title]",
        "cleared simple | {'title':'x'} | {} | [REMOVE title]",
        "userName never removed | {'userName':'a','active':true} | {} | []",
        "sub-attribute | {'name':{'givenName':'A','familyName':'B'}} |"
            + " {'name':{'givenName':'C','familyName':'B'}} | [REPLACE name.givenName]",
        "cleared sub-attribute | {'name':{'givenName':'A','middleName':'M'}} |"
            + " {'name':{'givenName':'A'}} | [REMOVE name.middleName]",
        "new complex | {} | {'name':{'givenName':'A'}} | [REPLACE name]",
        "multi-valued replaced whole | {'emails':[{'value':'a@x','primary':true}]} |"
            + " {'emails':[{'value':'b@x','primary':true}]} | [REPLACE emails]",
        "extra server sub-fields in values ignored |"
            + " {'emails':[{'value':'a@x','primary':true,'type':'work'}]} |"
            + " {'emails':[{'value':'a@x','primary':true}]} | []",
        "numbers compared by value | {'n':1.0} | {'n':1} | []",
        "extension attribute | {'"
            + EXT
            + "':{'department':'A','costCenter':'C'}} |"
            + " {'"
            + EXT
            + "':{'department':'B'}} | [REMOVE "
            + EXT
            + ":costCenter, REPLACE "
            + EXT
            + ":department]"
      })
  void computesMinimalOperations(String name, String current, String desired, String expected)
      throws Exception {
    ObjectNode have = (ObjectNode) JSON.readTree(current.replace('\'', '"'));
    ObjectNode want = (ObjectNode) JSON.readTree(desired.replace('\'', '"'));

    List<AttributeChange> changes = AttributeDiff.diff(have, want);

    assertThat(changes.stream().map(c -> c.op() + " " + c.scimPath()).toList())
        .hasToString(expected);
    ObjectNode patched = have.deepCopy();
    changes.forEach(c -> PatchPaths.apply(patched, c));
    assertThat(AttributeDiff.diff(patched, want)).as("round trip").isEmpty();
  }
}
