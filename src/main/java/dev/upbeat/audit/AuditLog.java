package dev.upbeat.audit;

import dev.upbeat.storage.Database;
import java.time.Clock;
import java.util.List;

/**
 * Records every change made through the admin pages, the user command and the API with a token
 * (see {@code web.ApiAudit}), and reads it back for admins (also as CSV). An entry is written right
 * after the change commits: a crash between the two loses the entry, never the change.
 */
public final class AuditLog {
    public static final int MAX_DETAIL = 500;
    private static final int EXPORT_LIMIT = 100_000;

    private final Database db;
    private final AuditRepository entries;
    private final Clock clock;

    public AuditLog(Database db, AuditRepository entries, Clock clock) {
        this.db = db;
        this.entries = entries;
        this.clock = clock;
    }

    public void record(String actor, String action, String subject, String detail) {
        String shortDetail = detail == null || detail.length() <= MAX_DETAIL ? detail : detail.substring(0, MAX_DETAIL) + "…";
        db.useTransaction(tx -> entries.append(tx, clock.instant(), actor, action, subject, shortDetail));
    }

    public List<AuditEntry> latest(int limit) {
        return db.read(tx -> entries.latest(tx, limit));
    }

    /** Every entry, newest first, as RFC 4180 CSV with a header row. */
    public String csv() {
        StringBuilder out = new StringBuilder("at,actor,action,subject,detail\r\n");
        for (AuditEntry e : latest(EXPORT_LIMIT)) {
            out.append(e.at()).append(',').append(cell(e.actor())).append(',').append(cell(e.action())).append(',')
                    .append(cell(e.subject())).append(',').append(cell(e.detail())).append("\r\n");
        }
        return out.toString();
    }

    /** Quoted when needed; a leading =, +, - or @ is defused so a spreadsheet never runs it as a formula. */
    static String cell(String value) {
        if (value == null) {
            return "";
        }
        String v = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return v.matches("[^\",\r\n]*") ? v : "\"" + v.replace("\"", "\"\"") + "\"";
    }
}
