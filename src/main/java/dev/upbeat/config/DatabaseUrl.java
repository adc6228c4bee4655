package dev.upbeat.config;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Where the data lives, parsed from {@code DATABASE_URL}: unset means a SQLite file in the data
 * directory; {@code jdbc:sqlite:PATH}, {@code jdbc:postgresql://...} and Heroku's
 * {@code postgres://user:pass@host:port/db} are accepted as they are written elsewhere.
 */
public record DatabaseUrl(Kind kind, String jdbcUrl, String user, String password) {

    /** Which database the URL names; storage keeps the SQL that differs between them. */
    public enum Kind {
        SQLITE, POSTGRESQL
    }

    public static DatabaseUrl parse(String databaseUrl, Path dataDirectory) {
        if (databaseUrl == null || databaseUrl.isBlank()) {
            return sqlite(dataDirectory.resolve("upbeat.db").toString());
        }
        String url = databaseUrl.trim();
        if (url.startsWith("jdbc:sqlite:")) {
            return sqlite(url.substring("jdbc:sqlite:".length()));
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return new DatabaseUrl(Kind.POSTGRESQL, url, null, null);
        }
        if (url.startsWith("postgres://") || url.startsWith("postgresql://")) {
            return fromHerokuStyle(url);
        }
        throw new IllegalArgumentException("DATABASE_URL must start with jdbc:sqlite:, jdbc:postgresql:, "
                + "postgres:// or postgresql://; got '" + redacted(url) + "'");
    }

    private static DatabaseUrl sqlite(String path) {
        if (path.isBlank()) {
            throw new IllegalArgumentException("DATABASE_URL jdbc:sqlite: needs a file path, e.g. jdbc:sqlite:data/upbeat.db");
        }
        return new DatabaseUrl(Kind.SQLITE, "jdbc:sqlite:" + path, null, null);
    }

    private static DatabaseUrl fromHerokuStyle(String url) {
        URI uri = URI.create(url);
        if (uri.getHost() == null || uri.getPath() == null || uri.getPath().length() < 2) {
            throw new IllegalArgumentException("DATABASE_URL must look like postgres://user:pass@host:5432/dbname; got '"
                    + redacted(url) + "'");
        }
        int port = uri.getPort() == -1 ? 5432 : uri.getPort();
        String jdbc = "jdbc:postgresql://" + uri.getHost() + ":" + port + uri.getPath()
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        String user = null;
        String password = null;
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            user = decode(parts[0]);
            password = parts.length > 1 ? decode(parts[1]) : null;
        }
        return new DatabaseUrl(Kind.POSTGRESQL, jdbc, user, password);
    }

    /** A SQLite file path, or null for PostgreSQL; used to create the data directory. */
    public Path sqliteFile() {
        if (kind != Kind.SQLITE) {
            return null;
        }
        String path = jdbcUrl.substring("jdbc:sqlite:".length());
        int query = path.indexOf('?');
        return Path.of(query >= 0 ? path.substring(0, query) : path);
    }

    /**
     * The URL without its password, safe to log; for SQLite the absolute file, since a relative
     * one depends on the directory Upbeat was started from.
     */
    public String describe() {
        if (kind == Kind.SQLITE) {
            return "SQLite file " + sqliteFile().toAbsolutePath().normalize();
        }
        return redacted(jdbcUrl) + (user == null ? "" : " as " + user);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    static String redacted(String url) {
        return url.replaceAll("://([^:/@]+):[^@/]*@", "://$1:***@").replaceAll("(?i)(password=)[^&]*", "$1***");
    }

    @Override
    public String toString() {
        return "DatabaseUrl[" + describe() + "]";
    }
}
