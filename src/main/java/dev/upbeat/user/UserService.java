package dev.upbeat.user;

import dev.upbeat.problem.Check;
import dev.upbeat.problem.Problem;
import dev.upbeat.storage.Database;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Adding, listing, changing and removing the people who may sign in. Each call is one
 * transaction. There is always at least one admin once there is one: the last admin can be
 * neither removed nor made an editor.
 */
public final class UserService {
    private static final int MAX_EMAIL = 254;

    private final Database db;
    private final UserRepository users;
    private final SessionRepository sessions;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public UserService(Database db, UserRepository users, SessionRepository sessions, Clock clock) {
        this.db = db;
        this.users = users;
        this.sessions = sessions;
        this.clock = clock;
    }

    public User add(String email, String role, String password) {
        String address = email(email);
        Role r = Check.oneOf("role", role, Role::fromWire, Role.VALUES);
        String hash = Passwords.hash(password(password));
        byte[] id = new byte[8];
        random.nextBytes(id);
        User user = new User("usr_" + HexFormat.of().formatHex(id), address, r, hash, null, clock.instant());
        db.useTransaction(tx -> {
            if (users.byEmail(tx, address).isPresent()) {
                throw Problem.conflict("A user with the email '" + address + "' already exists");
            }
            users.insert(tx, user);
        });
        return user;
    }

    public List<User> list() {
        return db.read(users::all);
    }

    public User require(String id) {
        return db.read(tx -> users.byId(tx, id)).orElseThrow(() -> Problem.notFound("user", id));
    }

    public User changeRole(String id, String role) {
        Role r = Check.oneOf("role", role, Role::fromWire, Role.VALUES);
        return db.inTransaction(tx -> {
            User u = users.byId(tx, id).orElseThrow(() -> Problem.notFound("user", id));
            if (u.role() == Role.ADMIN && r != Role.ADMIN && users.countAdmins(tx) <= 1) {
                throw Problem.conflict(u.email() + " is the last admin; make someone else an admin first");
            }
            User changed = new User(u.id(), u.email(), r, u.passwordHash(), u.totpSecret(), u.createdAt());
            users.update(tx, changed);
            return changed;
        });
    }

    /** Removes the user and ends all their sessions. */
    public User remove(String id) {
        return db.inTransaction(tx -> {
            User u = users.byId(tx, id).orElseThrow(() -> Problem.notFound("user", id));
            if (u.role() == Role.ADMIN && users.countAdmins(tx) <= 1) {
                throw Problem.conflict(u.email() + " is the last admin and cannot be removed");
            }
            sessions.deleteForUser(tx, id);
            users.delete(tx, id);
            return u;
        });
    }

    /**
     * Turns on the second factor once the user proves their authenticator app has the secret. A
     * user who has one already replaces it, which takes a current code of the one being replaced
     * ({@code currentCode}), so a borrowed session alone cannot move the factor to another phone.
     */
    public User enableTotp(String id, String secret, String code, String currentCode) {
        if (secret == null || !Totp.wellFormed(secret)) {
            throw Problem.invalid("secret", "The key must be Base32 (letters A-Z and digits 2-7) of at least "
                    + Totp.MIN_SECRET_BITS + " bits; reload the page to get a new one");
        }
        Instant now = clock.instant();
        long step = Totp.step(secret, code, now).orElseThrow(() ->
                Problem.invalid("code", "The code does not match; check the time on your phone and enter the current code"));
        return db.inTransaction(tx -> {
            User u = users.byId(tx, id).orElseThrow(() -> Problem.notFound("user", id));
            if (u.hasSecondFactor()) {
                long current = Totp.step(u.totpSecret(), currentCode, now).orElseThrow(() ->
                        Problem.invalid("current_code", "Enter the code your current authenticator app shows"));
                if (!users.useTotpStep(tx, id, current)) {
                    throw Problem.invalid("current_code", "That code was used already; wait for the next one");
                }
            }
            users.setTotp(tx, id, secret, step);
            return new User(u.id(), u.email(), u.role(), u.passwordHash(), secret, u.createdAt());
        });
    }

    static String email(String email) {
        String e = Check.text("email", email, MAX_EMAIL).toLowerCase(Locale.ROOT);
        if (!e.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw Problem.invalid("email", "email must look like name@example.com; got '" + e + "'");
        }
        return e;
    }

    private static String password(String password) {
        if (password == null || password.length() < Passwords.MIN_LENGTH) {
            throw Problem.invalid("password", "password must be at least " + Passwords.MIN_LENGTH + " characters");
        }
        if (password.length() > Passwords.MAX_LENGTH) {
            throw Problem.invalid("password", "password must be at most " + Passwords.MAX_LENGTH + " characters");
        }
        return password;
    }
}
