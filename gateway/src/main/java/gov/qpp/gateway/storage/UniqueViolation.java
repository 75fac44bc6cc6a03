package gov.qpp.gateway.storage;

import io.vertx.pgclient.PgException;

/** PostgreSQL's answer to an insert that meets a unique key (SQLSTATE 23505): here, the same upload sent twice. */
public final class UniqueViolation {

  private UniqueViolation() {
  }

  public static boolean is(Throwable failure) {
    return failure instanceof PgException pg && "23505".equals(pg.getSqlState());
  }
}
