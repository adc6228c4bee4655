package dev.upbeat.branding;

import dev.upbeat.storage.Tx;
import java.util.Map;
import java.util.stream.Collectors;

/** Branding set by admins, kept in the settings table as {@code brand.*} keys that override the environment. */
public final class BrandingRepository {
    static final String PAGE_NAME = "brand.page_name";
    static final String ACCENT_COLOR = "brand.accent_color";
    static final String FOOTER_LINKS = "brand.footer_links";

    public Map<String, String> overrides(Tx tx) {
        return tx.handle().createQuery("SELECT key, value FROM settings WHERE key LIKE 'brand.%'")
                .map((rs, ctx) -> Map.entry(rs.getString("key"), rs.getString("value"))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    public void put(Tx tx, String key, String value) {
        tx.handle().createUpdate("""
                INSERT INTO settings (key, value) VALUES (:k, :v)
                ON CONFLICT (key) DO UPDATE SET value = excluded.value""")
                .bind("k", key).bind("v", value).execute();
    }

    public void remove(Tx tx, String key) {
        tx.handle().createUpdate("DELETE FROM settings WHERE key = :k").bind("k", key).execute();
    }
}
