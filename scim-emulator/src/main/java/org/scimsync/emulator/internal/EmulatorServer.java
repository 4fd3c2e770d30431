package org.scimsync.emulator.internal;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.scimsync.emulator.EmulatorException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JDK HTTP server carrying the SCIM and admin handlers, on a thread pool large enough that
 * injected latency (a sleeping request thread) does not cap throughput: {@value #THREADS} threads
 * at 30 ms latency still serve several thousand requests per second.
 */
public final class EmulatorServer {
  private static final Logger LOG = LoggerFactory.getLogger(EmulatorServer.class);
  private static final int THREADS = 256;

  static {
    // Without TCP_NODELAY, the JDK server's separate header and body writes meet delayed ACKs
    // and every keep-alive answer can wait 40 ms.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private final HttpServer server;
  private final ExecutorService executor;

  /**
   * Binds the server (not yet serving).
   *
   * @param host the interface to bind
   * @param port the port, 0 for any free one
   * @param scim the SCIM handler, mounted at {@code /}
   * @param admin the admin handler, mounted at {@code /admin}
   */
  public EmulatorServer(
      String host, int port, ScimExchangeHandler scim, AdminExchangeHandler admin) {
    try {
      server = HttpServer.create(new InetSocketAddress(host, port), 1024);
    } catch (IOException e) {
      throw new EmulatorException(
          EmulatorException.Kind.UNAVAILABLE,
          "cannot listen on " + host + ":" + port + ": " + e.getMessage(),
          e);
    }
    server.createContext("/", scim);
    server.createContext("/admin", admin);
    ThreadPoolExecutor pool =
        new ThreadPoolExecutor(
            THREADS, THREADS, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), new Threads());
    pool.allowCoreThreadTimeOut(true);
    executor = pool;
    server.setExecutor(executor);
  }

  /** Starts serving. */
  public void start() {
    server.start();
    LOG.debug("emulator listening address={}", server.getAddress());
  }

  /** The bound port. */
  public int port() {
    return server.getAddress().getPort();
  }

  /** Stops serving and releases the threads. */
  public void stop() {
    server.stop(0);
    executor.shutdownNow();
  }

  private static final class Threads implements ThreadFactory {
    private final AtomicInteger count = new AtomicInteger();

    @Override
    public Thread newThread(Runnable task) {
      Thread thread = new Thread(task, "scim-emulator-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    }
  }
}
