package dev.upbeat.docs;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@code curl} command line as the request it sends, for the flags the docs use. An unknown
 * flag is refused, so an example cannot use one the test would silently ignore.
 */
record CurlRequest(String method, String url, List<String[]> headers, String body) {

    static CurlRequest parse(List<String> words) {
        String method = null;
        String url = null;
        List<String[]> headers = new ArrayList<>();
        List<String> data = new ArrayList<>();
        boolean get = false;
        for (int i = 1; i < words.size(); i++) {
            String w = words.get(i);
            switch (w) {
                case "-X", "--request" -> method = words.get(++i);
                case "-H", "--header" -> {
                    String[] h = words.get(++i).split(":", 2);
                    headers.add(new String[] {h[0].strip(), h[1].strip()});
                }
                case "-d", "--data", "--data-raw", "--data-binary" -> {
                    String d = words.get(++i);
                    if (d.startsWith("@") && !w.equals("--data-raw")) {
                        throw new IllegalArgumentException("curl " + w + " @file is not run by the docs test: " + d);
                    }
                    data.add(d);
                }
                case "-G", "--get" -> get = true;
                case "-s", "--silent", "-S", "--show-error", "-i", "--include", "-f", "--fail" -> {
                    // output only: the test looks at status and body itself
                }
                default -> {
                    if (w.startsWith("-")) {
                        throw new IllegalArgumentException("curl flag " + w + " is not understood by the docs test");
                    }
                    url = w;
                }
            }
        }
        if (url == null) {
            throw new IllegalArgumentException("curl without a URL");
        }
        String body = data.isEmpty() ? null : String.join("&", data);
        if (get && body != null) {
            url = url + (url.contains("?") ? "&" : "?") + body;
            body = null;
        }
        if (body != null && headers.stream().noneMatch(h -> h[0].equalsIgnoreCase("Content-Type"))) {
            headers.add(new String[] {"Content-Type", "application/x-www-form-urlencoded"}); // what curl sends with -d
        }
        return new CurlRequest(method != null ? method : body != null ? "POST" : "GET", url, headers, body);
    }
}
