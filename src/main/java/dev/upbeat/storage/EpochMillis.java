package dev.upbeat.storage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.core.mapper.ColumnMapper;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Instants as the schema stores them on both SQLite and PostgreSQL: UTC epoch milliseconds in a
 * BIGINT, NULL for none. {@link Database} registers this with Jdbi both ways, so repositories bind
 * an {@link Instant} as it is and read one with {@link #instant}; Jdbi's own mapping would treat
 * instants as SQL timestamps, which these columns are not.
 */
public final class EpochMillis implements ColumnMapper<Instant> {
    static final EpochMillis COLUMN = new EpochMillis();
    static final AbstractArgumentFactory<Instant> ARGUMENT = new AbstractArgumentFactory<>(Types.BIGINT) {
        @Override
        protected Argument build(Instant value, ConfigRegistry config) {
            return (position, statement, ctx) -> statement.setLong(position, value.toEpochMilli());
        }
    };

    private EpochMillis() {
    }

    @Override
    public Instant map(ResultSet rs, int column, StatementContext ctx) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
    }

    /** The instant in a column of the current row, or null where the column is NULL; for row mappers written by hand. */
    public static Instant instant(ResultSet rs, String column) throws SQLException {
        return COLUMN.map(rs, rs.findColumn(column), null);
    }
}
