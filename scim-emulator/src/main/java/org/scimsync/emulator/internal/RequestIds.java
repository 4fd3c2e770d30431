package org.scimsync.emulator.internal;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Fresh request ids in the UUID form AWS uses for {@code x-amzn-RequestId} and {@code
 * exceptionRequestId}. Drawn from {@link ThreadLocalRandom}: unique enough for logs and tests, and
 * free of the contention of {@link UUID#randomUUID()}'s shared secure random.
 */
final class RequestIds {
  /** The response header carrying the id. */
  static final String HEADER = "x-amzn-RequestId";

  private RequestIds() {}

  static String next() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long high = (random.nextLong() & ~0xF000L) | 0x4000L; // version 4
    long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L; // IETF variant
    return new UUID(high, low).toString();
  }
}
