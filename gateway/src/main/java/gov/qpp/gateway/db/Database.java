package gov.qpp.gateway.db;

import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;

/** Builds the one bounded PostgreSQL pool the gateway uses. */
public final class Database {

  /** Requests waiting for a connection beyond this get an error instead of queueing without bound. */
  public static final int MAX_WAIT_QUEUE = 1_000;
  /** Statements in flight per connection (vertx-pg-client pipelining). */
  public static final int PIPELINING_LIMIT = 256;

  private Database() {
  }

  public static Pool pool(Vertx vertx, String url, int size) {
    PgConnectOptions connect = PgConnectOptions.fromUri(url)
        .setCachePreparedStatements(true)
        .setPipeliningLimit(PIPELINING_LIMIT);
    PoolOptions pool = new PoolOptions()
        .setMaxSize(size)
        .setMaxWaitQueueSize(MAX_WAIT_QUEUE)
        .setName("qpp-gateway");
    return PgBuilder.pool().with(pool).connectingTo(connect).using(vertx).build();
  }
}
