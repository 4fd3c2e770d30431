package org.scimsync.mapping.internal.sanitize;

import java.util.Arrays;
import java.util.List;
import org.scimsync.mapping.internal.schema.AttributePath;
import org.scimsync.mapping.internal.schema.ResourceSchema;

/** Attributes an object cannot be sent without (see {@link ResourceSanitizer#essential}). */
record Essentials(List<AttributePath> paths) {

  Essentials {
    paths = List.copyOf(paths);
  }

  static Essentials of(ResourceSchema schema, String... paths) {
    return new Essentials(Arrays.stream(paths).map(schema::resolve).toList());
  }

  /** Whether {@code target} is, holds or is part of one of these attributes. */
  boolean contains(AttributePath target) {
    return paths.stream().anyMatch(target::overlaps);
  }
}
