package dev.upbeat.user;

import dev.upbeat.storage.EpochMillis;
import dev.upbeat.storage.Tx;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Users by id and by email (stored lower-case). */
public final class UserRepository {

    public void insert(Tx tx, User u) {
        tx.handle().createUpdate("""
                INSERT INTO users (id, email, role, password_hash, totp_secret, created_at)
                VALUES (:id, :email, :role, :hash, :totp, :createdAt)""")
                .bind("id", u.id()).bind("email", u.email()).bind("role", u.role().wire()).bind("hash", u.passwordHash())
                .bind("totp", u.totpSecret()).bind("createdAt", u.createdAt()).execute();
    }

    public Optional<User> byEmail(Tx tx, String email) {
        return tx.handle().createQuery("SELECT * FROM users WHERE email = :e").bind("e", email)
                .map((rs, ctx) -> map(rs)).findOne();
    }

    public Optional<User> byId(Tx tx, String id) {
        return tx.handle().createQuery("SELECT * FROM users WHERE id = :id").bind("id", id)
                .map((rs, ctx) -> map(rs)).findOne();
    }

    public List<User> all(Tx tx) {
        return tx.handle().createQuery("SELECT * FROM users ORDER BY email").map((rs, ctx) -> map(rs)).list();
    }

    public int countAdmins(Tx tx) {
        return tx.handle().createQuery("SELECT COUNT(*) FROM users WHERE role = 'admin'").mapTo(Integer.class).one();
    }

    public void update(Tx tx, User u) {
        tx.handle().createUpdate("UPDATE users SET role = :role, password_hash = :hash, totp_secret = :totp WHERE id = :id")
                .bind("id", u.id()).bind("role", u.role().wire()).bind("hash", u.passwordHash()).bind("totp", u.totpSecret())
                .execute();
    }

    /**
     * Records that a code of {@code step} was accepted, unless one of that step or a later one
     * already was: false means the code is spent. One conditional statement, so of two sign-ins
     * racing with the same code exactly one sees true, on either database.
     */
    public boolean useTotpStep(Tx tx, String id, long step) {
        return tx.handle().createUpdate("UPDATE users SET last_totp_step = :step WHERE id = :id AND last_totp_step < :step")
                .bind("id", id).bind("step", step).execute() == 1;
    }

    /** Sets a new second factor, keeping every step already used spent. */
    public void setTotp(Tx tx, String id, String secret, long step) {
        tx.handle().createUpdate("""
                UPDATE users SET totp_secret = :secret,
                    last_totp_step = CASE WHEN last_totp_step < :step THEN :step ELSE last_totp_step END
                WHERE id = :id""")
                .bind("id", id).bind("secret", secret).bind("step", step).execute();
    }

    public void delete(Tx tx, String id) {
        tx.handle().createUpdate("DELETE FROM users WHERE id = :id").bind("id", id).execute();
    }

    static User map(ResultSet rs) throws SQLException {
        return new User(rs.getString("id"), rs.getString("email"), Role.fromWire(rs.getString("role")).orElse(Role.EDITOR),
                rs.getString("password_hash"), rs.getString("totp_secret"), EpochMillis.instant(rs, "created_at"));
    }
}
