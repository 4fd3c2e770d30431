package org.scimsync.client.internal;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.scimsync.client.ScimTransportException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The chain of cursor-paged requests, run ahead of the consumer on a daemon thread of its own
 * ({@code scim-client-pages-<n>}): it fetches a page's raw bytes, finds its {@code nextCursor} with
 * {@link CursorScan} (no trees), sends the next request at once and hands the raw page to the
 * consumer through a small bounded queue. Parsing pages into trees stays with the consumer, so the
 * chain's time per page is the round trip alone.
 *
 * <p>The chain ends after a page without a usable {@code nextCursor}, a page that cannot be
 * scanned, a page repeating the cursor it was asked for, or a failure; the consumer decides what
 * those mean. {@link #close()} stops it and waits (at most {@link #CLOSE_WAIT}) for a request on
 * the wire to complete, so a closed listing leaves nothing behind on the server. A chain whose
 * pages are neither consumed nor closed waits on the full queue for {@link #GIVE_UP} and then ends.
 */
final class CursorChain implements AutoCloseable {

  /** Pages fetched ahead of the consumer. */
  static final int CAPACITY = 4;

  /** How long {@link #close()} waits for a request already on the wire. */
  static final Duration CLOSE_WAIT = Duration.ofSeconds(5);

  /** How long a page waits for a consumer that neither consumes nor closes. */
  static final Duration GIVE_UP = Duration.ofMinutes(10);

  private static final Logger LOG = LoggerFactory.getLogger(CursorChain.class);
  private static final AtomicInteger THREADS = new AtomicInteger();
  private static final long CHECK_ALIVE_MILLIS = 500;

  /** What the chain hands to the consumer. */
  sealed interface Delivery permits Fetched, Failed {}

  /**
   * A fetched page.
   *
   * @param body the raw body
   * @param scan its {@code nextCursor}, as scanned
   * @param sentCursor the cursor the request carried ({@code ""} for the first page)
   */
  record Fetched(byte[] body, CursorScan scan, String sentCursor) implements Delivery {

    /** Whether the chain stopped after this page. */
    boolean last() {
      return !scan.readable() || scan.nextCursor() == null || scan.nextCursor().equals(sentCursor);
    }

    @Override
    public String toString() {
      return "Fetched[bodyBytes=" + body.length + ", scan=" + scan + "]";
    }
  }

  /**
   * A page that could not be fetched; the chain ends.
   *
   * @param error the failure, as the transport raised it
   */
  record Failed(RuntimeException error) implements Delivery {}

  private final String api;
  private final Function<String, String> query;
  private final Function<String, byte[]> fetch;
  private final BlockingQueue<Delivery> queue = new ArrayBlockingQueue<>(CAPACITY);
  private final Duration giveUp;
  private final Thread thread;
  private volatile boolean closed;
  private volatile boolean abandoned;

  private CursorChain(
      String api, Function<String, String> query, Function<String, byte[]> fetch, Duration giveUp) {
    this.api = api;
    this.query = Objects.requireNonNull(query, "query");
    this.fetch = Objects.requireNonNull(fetch, "fetch");
    this.giveUp = giveUp;
    this.thread = new Thread(this::run, "scim-client-pages-" + THREADS.incrementAndGet());
    thread.setDaemon(true);
  }

  /**
   * Starts a chain at the first page (empty cursor).
   *
   * @param api the list operation, for errors
   * @param query the path and query of the request for a cursor
   * @param fetch sends a request and returns the 2xx body; throws the client's exceptions
   * @param giveUp how long to wait on a full queue before ending
   * @return the running chain
   */
  static CursorChain start(
      String api, Function<String, String> query, Function<String, byte[]> fetch, Duration giveUp) {
    CursorChain chain = new CursorChain(api, query, fetch, giveUp);
    chain.thread.start();
    return chain;
  }

  private void run() {
    try {
      String cursor = "";
      while (!closed) {
        Fetched page;
        try {
          byte[] body = fetch.apply(query.apply(cursor));
          page = new Fetched(body, CursorScan.of(body), cursor);
        } catch (RuntimeException e) {
          if (!closed) {
            deliver(new Failed(e));
          }
          return;
        }
        if (!deliver(page) || page.last()) {
          return;
        }
        cursor = Objects.requireNonNull(page.scan().nextCursor());
      }
    } catch (InterruptedException e) {
      // Closed while waiting for room in the queue: nothing is left to do.
    }
  }

  private boolean deliver(Delivery delivery) throws InterruptedException {
    if (queue.offer(delivery, giveUp.toNanos(), TimeUnit.NANOSECONDS)) {
      return true;
    }
    abandoned = true;
    LOG.warn(
        "scim listing abandoned api={} thread={} waitedMinutes={}: the stream was neither"
            + " consumed nor closed",
        api,
        thread.getName(),
        giveUp.toMinutes());
    return false;
  }

  /**
   * The next delivery, waiting for it.
   *
   * @return a fetched page or a failure
   * @throws ScimTransportException when interrupted (the interrupt flag is kept and the chain
   *     closed), or when the chain ended without a delivery (abandoned)
   * @throws IllegalStateException when the chain was closed
   */
  Delivery take() {
    try {
      while (true) {
        if (closed) {
          throw new IllegalStateException("the listing was closed");
        }
        Delivery delivery = queue.poll(CHECK_ALIVE_MILLIS, TimeUnit.MILLISECONDS);
        if (delivery != null) {
          return delivery;
        }
        if (!thread.isAlive()) {
          delivery = queue.poll();
          if (delivery != null) {
            return delivery;
          }
          close();
          throw new ScimTransportException(
              api,
              -1,
              abandoned
                  ? "the listing was not consumed for "
                      + giveUp.toMinutes()
                      + " minutes and was dropped"
                  : "the page reader ended without an answer",
              null,
              null);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      close();
      throw new ScimTransportException(api, -1, "interrupted while waiting for a page", null, e);
    }
  }

  /**
   * Stops the chain and waits, at most {@link #CLOSE_WAIT}, for a request already on the wire to
   * complete (blocking socket I/O ignores interrupts); its page is dropped. After close returns no
   * request of this chain is in flight, unless the wait ran out, which is logged. Idempotent.
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    // Wakes the thread from a full queue, a rate-limit wait or a retry delay.
    thread.interrupt();
    queue.clear();
    if (Thread.currentThread() == thread) {
      return;
    }
    try {
      thread.join(CLOSE_WAIT.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    if (thread.isAlive()) {
      LOG.warn(
          "scim listing closed api={} thread={}: a request still on the wire after {} s is left"
              + " to finish on its own",
          api,
          thread.getName(),
          CLOSE_WAIT.toSeconds());
    }
  }

  @Override
  public String toString() {
    return "CursorChain[api=" + api + ", thread=" + thread.getName() + ", closed=" + closed + "]";
  }
}
