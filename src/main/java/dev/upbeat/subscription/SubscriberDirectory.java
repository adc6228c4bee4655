package dev.upbeat.subscription;

import dev.upbeat.component.ComponentRepository;
import dev.upbeat.problem.Check;
import dev.upbeat.problem.Problem;
import dev.upbeat.storage.Database;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an admin does with subscribers: search, count, remove, and move them in and out as CSV.
 * Imported subscribers are active at once (the admin vouches for them, as when adding one with
 * {@code "confirmed": true}); secrets are never exported.
 */
public final class SubscriberDirectory {
    public static final String CSV_HEADER = "channel,address,components,confirmed,created_at";
    static final int MAX_REPORTED_ERRORS = 100;

    private final Database db;
    private final SubscriberRepository subscribers;
    private final ComponentRepository components;
    private final TargetGuard guard;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public SubscriberDirectory(Database db, SubscriberRepository subscribers, ComponentRepository components,
                               TargetGuard guard, Clock clock) {
        this.db = db;
        this.subscribers = subscribers;
        this.components = components;
        this.guard = guard;
        this.clock = clock;
    }

    /** One page of a search, with the total number of matches. */
    public record Found(int total, List<Subscriber> subscribers) {
    }

    /** How an import went: rows added, rows already there, and the first rows refused with why. */
    public record Imported(int added, int existing, List<String> errors) {
    }

    public Found search(String query, String channel, int limit, int offset) {
        Channel c = channel == null ? null : Check.oneOf("channel", channel, Channel::fromWire, Channel.WIRE_VALUES);
        return db.read(tx -> new Found(subscribers.count(tx, query, c), subscribers.search(tx, query, c, limit, offset)));
    }

    /** Per channel (all five, zeros included): confirmed and pending subscribers. */
    public Map<String, Map<String, Integer>> counts() {
        Map<String, int[]> raw = db.read(subscribers::countsByChannel);
        Map<String, Map<String, Integer>> counts = new TreeMap<>();
        for (Channel c : Channel.values()) {
            int[] n = raw.getOrDefault(c.wire(), new int[2]);
            counts.put(c.wire(), Map.of("confirmed", n[0], "pending", n[1]));
        }
        return counts;
    }

    public void remove(String id) {
        if (!db.inTransaction(tx -> subscribers.delete(tx, id))) {
            throw Problem.notFound("subscriber", id);
        }
    }

    public String exportCsv() {
        StringBuilder out = new StringBuilder(CSV_HEADER).append('\n');
        int page = 5_000;
        for (int offset = 0; ; offset += page) {
            int from = offset;
            List<Subscriber> batch = db.read(tx -> subscribers.search(tx, null, null, page, from));
            batch.forEach(s -> out.append(s.channel().wire()).append(',').append(SubscriberCsv.quote(s.address())).append(',')
                    .append(String.join(" ", s.components())).append(',').append(s.confirmed()).append(',')
                    .append(s.createdAt()).append('\n'));
            if (batch.size() < page) {
                return out.toString();
            }
        }
    }

    /** Adds the rows of {@code csv} (header: channel,address[,components[,...]]) in one transaction. */
    public Imported importCsv(String csv) {
        List<String[]> rows = SubscriberCsv.parse(csv);
        List<String> errors = new ArrayList<>();
        List<Subscriber> valid = new ArrayList<>();
        Instant now = clock.instant();
        for (int i = 1; i < rows.size(); i++) {
            String[] row = SubscriberCsv.unprotect(rows.get(i));
            if (row.length > 3 && row[3].strip().equalsIgnoreCase("false")) {
                // A pending subscriber never opted in: importing it as confirmed would notify someone without consent.
                if (errors.size() < MAX_REPORTED_ERRORS) {
                    errors.add("line " + (i + 1) + ": skipped, not confirmed (confirmed=false)");
                }
                continue;
            }
            try {
                Channel channel = Check.oneOf("channel", row[0].strip(), Channel::fromWire, Channel.WIRE_VALUES);
                String address = Addresses.normalise(channel, row.length > 1 ? row[1] : null, guard);
                List<String> filter = row.length > 2 && !row[2].isBlank()
                        ? Arrays.stream(row[2].strip().split("[ ;]+")).distinct().toList() : List.of();
                valid.add(new Subscriber(newId(), channel, address, null, filter, now, null, 0, now));
            } catch (Problem p) {
                if (errors.size() < MAX_REPORTED_ERRORS) {
                    errors.add("line " + (i + 1) + ": " + p.getMessage());
                }
            }
        }
        int[] counts = db.inTransaction(tx -> {
            int added = 0;
            for (Subscriber s : valid) {
                if (!s.components().stream().allMatch(c -> components.exists(tx, c))) {
                    throw Problem.invalid("components", "An imported row names an unknown component: " + s.components());
                }
                if (subscribers.lockByAddress(tx, s.channel(), s.address()).isEmpty()) {
                    subscribers.insert(tx, s);
                    added++;
                }
            }
            return new int[] {added, valid.size() - added};
        });
        return new Imported(counts[0], counts[1], errors);
    }

    private String newId() {
        byte[] bytes = new byte[12];
        random.nextBytes(bytes);
        return "sub_" + HexFormat.of().formatHex(bytes);
    }
}
