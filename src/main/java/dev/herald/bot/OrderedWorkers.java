package dev.herald.bot;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A bounded pool of named daemon threads that runs tasks concurrently across keys (chats) and in
 * submission order within one key. At most {@code maxPending} tasks wait or run at a time: beyond
 * that, {@link #submit} blocks, so a flood of updates slows polling down instead of exhausting memory.
 */
public final class OrderedWorkers {

  private static final Logger log = LoggerFactory.getLogger(OrderedWorkers.class);

  private final ExecutorService pool;
  private final Semaphore pending;
  private final int maxPending;
  private final Map<Long, CompletableFuture<Void>> tails = new HashMap<>();

  /** Creates {@code threads} threads named {@code name-N}, admitting up to {@code maxPending} tasks. */
  public OrderedWorkers(String name, int threads, int maxPending) {
    AtomicInteger n = new AtomicInteger();
    ThreadFactory factory = r -> {
      Thread t = new Thread(r, name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
    this.pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), factory);
    this.pending = new Semaphore(maxPending);
    this.maxPending = maxPending;
  }

  /**
   * Runs {@code task} after every earlier task of the same key; blocks while the pool is full, and
   * throws {@link RejectedExecutionException} once draining has begun.
   */
  public void submit(long key, Runnable task) throws InterruptedException {
    pending.acquire();
    if (pool.isShutdown()) {
      pending.release();
      throw new RejectedExecutionException("stopped");
    }
    synchronized (tails) {
      CompletableFuture<Void> previous = tails.getOrDefault(key, CompletableFuture.completedFuture(null));
      CompletableFuture<Void> next = previous.thenRunAsync(() -> run(task), pool);
      tails.put(key, next);
      next.whenComplete((v, e) -> {
        pending.release();
        synchronized (tails) {
          tails.remove(key, next);
        }
      });
    }
  }

  private static void run(Runnable task) {
    try {
      task.run();
    } catch (RuntimeException e) {
      // The task's own error handling failed; keep the chat's queue going regardless.
      log.error("update task failed", e);
    }
  }

  /** Waits until every submitted task has finished, then stops the threads; false on timeout. */
  public boolean drain(long timeout, TimeUnit unit) throws InterruptedException {
    boolean done = pending.tryAcquire(maxPending, timeout, unit);
    if (done) {
      pending.release(maxPending);
    }
    pool.shutdown();
    return done && pool.awaitTermination(timeout, unit);
  }
}
