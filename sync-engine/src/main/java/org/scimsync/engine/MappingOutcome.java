package org.scimsync.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;

/** What the mapping made of one source entry. */
public sealed interface MappingOutcome
    permits MappingOutcome.Mapped, MappingOutcome.Excluded, MappingOutcome.Rejected {

  /**
   * In scope and mapped.
   *
   * @param resource the canonical SCIM resource, without schemas, id, externalId, meta, members
   * @param warnings what the sanitizer removed or altered
   */
  record Mapped(ObjectNode resource, List<String> warnings) implements MappingOutcome {
    public Mapped {
      Objects.requireNonNull(resource, "resource");
      warnings = List.copyOf(warnings);
    }
  }

  /**
   * Out of scope (an include filter said no): deprovisioned if it was managed.
   *
   * @param reason why
   */
  record Excluded(String reason) implements MappingOutcome {
    public Excluded {
      Objects.requireNonNull(reason, "reason");
    }
  }

  /**
   * In scope but cannot be mapped (a broken expression, a missing required attribute): skipped and
   * reported; a managed object is left as it is.
   *
   * @param reason why
   * @param warnings further detail
   */
  record Rejected(String reason, List<String> warnings) implements MappingOutcome {
    public Rejected {
      Objects.requireNonNull(reason, "reason");
      warnings = List.copyOf(warnings);
    }
  }
}
