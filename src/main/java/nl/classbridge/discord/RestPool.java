package nl.classbridge.discord;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import net.dv8tion.jda.api.sharding.DefaultShardManagerBuilder;
import net.dv8tion.jda.api.sharding.ThreadPoolProvider;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;

/**
 * JDA's REST requests on a bounded number of threads and kept-alive connections.
 *
 * <p>JDA gives every interaction its own rate-limit bucket and runs each bucket on a pool that
 * grows without bound, while OkHttp keeps only 5 idle connections. A burst of presses from a
 * class thus started a hundred threads, each opening a new connection that was closed again
 * after the burst: measured, about one new connection per three presses, and threads fighting
 * for two cores. A fixed number of threads, each with a connection kept alive, sends the same
 * requests with less switching; requests beyond them wait in line, in the order JDA queued them.
 * Each shard has its own threads (a shard that restarts gets new ones), the connections are shared.
 */
final class RestPool {
    /** Requests in flight at once: enough to hide Discord's round trip, few enough for two cores. */
    static final int REQUESTS_IN_FLIGHT = 8;

    private static final long IDLE_MINUTES = 5;

    private RestPool() {}

    /** Sets JDA's REST threads and HTTP client; JDA shuts a shard's threads down with the shard. */
    static DefaultShardManagerBuilder applyTo(DefaultShardManagerBuilder builder) {
        return builder.setHttpClientBuilder(new OkHttpClient.Builder()
                        .connectionPool(new ConnectionPool(REQUESTS_IN_FLIGHT, IDLE_MINUTES, TimeUnit.MINUTES)))
                .setRateLimitElasticProvider(new ThreadPoolProvider<ExecutorService>() {
                    @Override
                    public ExecutorService provide(int shardId) {
                        return threads();
                    }

                    @Override
                    public boolean shouldShutdownAutomatically(int shardId) {
                        return true;
                    }
                });
    }

    private static ExecutorService threads() {
        AtomicInteger number = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(
                REQUESTS_IN_FLIGHT, REQUESTS_IN_FLIGHT, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), runnable -> {
                    // "JDA ..." like JDA's own REST threads: the same work, told apart in thread dumps by "REST".
                    Thread thread = new Thread(runnable, "JDA REST " + number.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }
}
