package dev.upbeat.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser without a browser for admin-page tests: keeps cookies, posts forms, never follows
 * redirects (so a test sees them), and remembers the anti-forgery token of the last page.
 */
public final class AdminClient {
    private static final Pattern CSRF = Pattern.compile("name=\"csrf-token\" content=\"([^\"]+)\"");
    private static final Pattern SIGN_IN_TOKEN = Pattern.compile("name=\"token\" value=\"([^\"]+)\"");

    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private String csrf;

    public AdminClient(String base) {
        this.base = base;
    }

    public static AdminClient signedIn(TestUpbeat t, String email, String password) {
        AdminClient c = new AdminClient("http://127.0.0.1:" + t.upbeat.port());
        Http.Response r = c.signIn(email, password);
        if (r.status() != 303) {
            throw new AssertionError("sign-in failed: " + r);
        }
        c.get("/admin");
        return c;
    }

    /** Loads the sign-in form (for its cookie and token) and posts it. */
    public Http.Response signIn(String email, String password) {
        return signInWith(email, password, "");
    }

    /** With an authenticator code (empty for none) and extra request headers. */
    public Http.Response signInWith(String email, String password, String code, String... headers) {
        Matcher m = SIGN_IN_TOKEN.matcher(get("/admin/sign-in").body());
        if (!m.find()) {
            throw new AssertionError("no sign-in token on the page");
        }
        return postRaw("/admin/sign-in", Map.of("token", m.group(1), "email", email, "password", password, "code", code,
                "next", "/admin"), headers);
    }

    public Http.Response get(String path) {
        Http.Response r = send(HttpRequest.newBuilder(URI.create(base + path)).GET());
        Matcher m = CSRF.matcher(r.body());
        if (m.find()) {
            csrf = m.group(1);
        }
        return r;
    }

    /** Posts a form with this session's anti-forgery token. */
    public Http.Response post(String path, Map<String, String> form) {
        Map<String, String> withToken = new LinkedHashMap<>(form);
        withToken.put("csrf", csrf);
        return postRaw(path, withToken);
    }

    /** Posts exactly these fields, no token added. */
    public Http.Response postRaw(String path, Map<String, String> form, String... headers) {
        String body = form.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/x-www-form-urlencoded");
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return send(b);
    }

    public String csrf() {
        return csrf;
    }

    public Map<String, String> cookies() {
        return cookies;
    }

    private Http.Response send(HttpRequest.Builder b) {
        if (!cookies.isEmpty()) {
            b.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; ")));
        }
        try {
            HttpResponse<String> r = client.send(b.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            for (String set : r.headers().allValues("Set-Cookie")) {
                String pair = set.split(";", 2)[0];
                String name = pair.substring(0, pair.indexOf('='));
                String value = pair.substring(pair.indexOf('=') + 1);
                if (value.isEmpty() || set.contains("Max-Age=0")) {
                    cookies.remove(name);
                } else {
                    cookies.put(name, value);
                }
            }
            return new Http.Response(r.statusCode(), r.body(), r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String v) {
        return URLEncoder.encode(v, StandardCharsets.UTF_8);
    }
}
