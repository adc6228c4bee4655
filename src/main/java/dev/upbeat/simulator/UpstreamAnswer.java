package dev.upbeat.simulator;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The head of an upstream's answer, read as little as relaying needs (status, headers, how the
 * body is framed), and its body streamed through a {@link BodyWriter}. Interim (1xx) answers are
 * skipped; answers to HEAD, 204 and 304 have no body whatever their headers say.
 */
final class UpstreamAnswer {
    private enum Framing { NONE, LENGTH, CHUNKED, CLOSE }

    final int status;
    /** Names and values, alternating, as the upstream sent them. */
    final List<String> headers;
    /** The one Content-Length the upstream sent (a repeated equal value once), or null. */
    final String contentLength;
    /** The header names its Connection header lists: they stay on the upstream's hop. */
    final List<String> connectionNamed;
    private final Framing framing;
    private final long length;
    private final long declaredLength;
    private final boolean keepAlive;

    private UpstreamAnswer(int status, List<String> headers, String contentLength, List<String> connectionNamed,
            Framing framing, long length, boolean keepAlive) {
        this.status = status;
        this.headers = headers;
        this.contentLength = contentLength;
        this.connectionNamed = connectionNamed;
        this.declaredLength = contentLength == null ? -1 : framing == Framing.LENGTH ? length : Long.parseLong(contentLength);
        this.framing = framing;
        this.length = length;
        this.keepAlive = keepAlive;
    }

    static UpstreamAnswer read(UpstreamConnection c, boolean headRequest) throws IOException {
        while (true) {
            String statusLine = c.line();
            if (!statusLine.startsWith("HTTP/1.") || statusLine.length() < 12 || statusLine.charAt(8) != ' ') {
                throw new IOException("upstream sent no HTTP/1.x status line");
            }
            int status = parseStatus(statusLine);
            List<String> headers = readHeaders(c);
            if (status >= 100 && status < 200) {
                continue;
            }
            UpstreamAnswer answer = framed(status, headers, headRequest, statusLine.charAt(7) == '1');
            c.keepAliveFor(keepAliveNanos(headers));
            return answer;
        }
    }

    /**
     * How long the upstream keeps an idle connection, from its {@code Keep-Alive: timeout=N}, less
     * a second so that this side stops using it first (Node.js and Apache close after 5 s, sooner
     * than our own idle limit); unlimited when it does not say.
     */
    private static long keepAliveNanos(List<String> headers) {
        for (int i = 0; i < headers.size(); i += 2) {
            if (headers.get(i).equalsIgnoreCase("keep-alive")) {
                for (String parameter : headers.get(i + 1).split(",")) {
                    String[] pair = parameter.strip().split("=", 2);
                    if (pair.length == 2 && pair[0].strip().equalsIgnoreCase("timeout") && digits(pair[1].strip(), 9)) {
                        return Math.max(0, Long.parseLong(pair[1].strip()) - 1) * 1_000_000_000L;
                    }
                }
            }
        }
        return Long.MAX_VALUE;
    }

    /** Whether {@code s} is 1 to {@code max} decimal digits and nothing else (no sign, no space). */
    private static boolean digits(String s, int max) {
        if (s.isEmpty() || s.length() > max) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static int parseStatus(String line) throws IOException {
        try {
            return Integer.parseInt(line, 9, 12, 10);
        } catch (NumberFormatException e) {
            throw new IOException("upstream sent a bad status: " + line);
        }
    }

    /** The header lines up to the blank line, as names and values; each is read straight from the buffer. */
    private static List<String> readHeaders(UpstreamConnection c) throws IOException {
        List<String> headers = new ArrayList<>(24);
        while (true) {
            int lf = c.lineEnd();
            int start = c.position;
            int end = c.contentEnd(lf);
            c.position = lf + 1;
            if (end == start) {
                return headers;
            }
            if ((c.buffer[start] == ' ' || c.buffer[start] == '\t') && !headers.isEmpty()) {
                int last = headers.size() - 1;   // obsolete line folding: part of the previous value
                headers.set(last, headers.get(last) + " " + c.trimmed(start, end));
                continue;
            }
            int colon = start;
            while (colon < end && c.buffer[colon] != ':') {
                colon++;
            }
            String name = colon < end ? c.trimmed(start, colon) : "";
            if (name.isEmpty()) {
                throw new IOException("upstream sent a bad header line");
            }
            headers.add(name);
            headers.add(c.trimmed(colon + 1, end));
        }
    }

    /**
     * How the body is delimited, as RFC 9112 section 6.3 says, refusing what would be relayed wrong:
     * a transfer coding other than chunked alone (Transfer-Encoding is hop-by-hop, so the client
     * would get the coded bytes unlabelled), or Content-Length values that are not one number.
     */
    private static UpstreamAnswer framed(int status, List<String> headers, boolean headRequest, boolean http11) throws IOException {
        StringBuilder encodings = null;
        String contentLength = null;
        List<String> named = List.of();
        boolean keepAlive = http11;
        for (int i = 0; i < headers.size(); i += 2) {
            String name = headers.get(i);
            String value = headers.get(i + 1);
            if (name.equalsIgnoreCase("transfer-encoding")) {
                encodings = (encodings == null ? new StringBuilder() : encodings.append(',')).append(value);
            } else if (name.equalsIgnoreCase("content-length")) {
                contentLength = oneLength(contentLength, value);
            } else if (name.equalsIgnoreCase("connection")) {
                named = tokens(named, value);
                String tokens = value.toLowerCase(Locale.ROOT);
                keepAlive = http11 ? keepAlive && !tokens.contains("close") : tokens.contains("keep-alive");
            }
        }
        if (headRequest) {
            return new UpstreamAnswer(status, headers, contentLength, named, Framing.NONE, 0, keepAlive);
        }
        if (status == 204 || status == 304) {
            // No body, and no length for the client either: Jetty would wait for the bytes it announces.
            return new UpstreamAnswer(status, headers, contentLength, named, Framing.NONE, -1, keepAlive);
        }
        if (encodings != null) {
            if (!onlyChunked(encodings.toString())) {
                throw new IOException("upstream sent a transfer coding other than chunked: " + encodings);
            }
            // With a Content-Length as well, the message may have been meant otherwise by someone on the way: not reused.
            return new UpstreamAnswer(status, headers, contentLength, named, Framing.CHUNKED, -1, keepAlive && contentLength == null);
        }
        if (contentLength != null) {
            return new UpstreamAnswer(status, headers, contentLength, named, Framing.LENGTH, Long.parseLong(contentLength), keepAlive);
        }
        return new UpstreamAnswer(status, headers, contentLength, named, Framing.CLOSE, -1, false);
    }

    /** {@code earlier} and the comma-separated tokens of {@code value}. */
    private static List<String> tokens(List<String> earlier, String value) {
        List<String> tokens = new ArrayList<>(earlier);
        for (String token : value.split(",")) {
            if (!token.isBlank()) {
                tokens.add(token.strip());
            }
        }
        return tokens;
    }

    /** Whether the Connection header lists {@code name}. */
    boolean connectionNames(String name) {
        for (String token : connectionNamed) {
            if (token.equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    /** The one length that {@code value} (a list of equal numbers is allowed) and any earlier one say, or an IOException. */
    private static String oneLength(String earlier, String value) throws IOException {
        String length = earlier;
        for (String part : value.split(",", -1)) {
            String n = part.strip();
            if (!digits(n, 18) || length != null && !length.equals(n)) {
                throw new IOException("upstream sent a bad or conflicting Content-Length: " + value);
            }
            length = n;
        }
        return length;
    }

    private static boolean onlyChunked(String encodings) {
        int chunked = 0;
        for (String token : encodings.split(",")) {
            String coding = token.strip().toLowerCase(Locale.ROOT);
            if (coding.equals("chunked")) {
                chunked++;
            } else if (!coding.isEmpty()) {
                return false;
            }
        }
        return chunked == 1;
    }

    /** This answer, on a connection that must not carry another. */
    UpstreamAnswer closing() {
        return new UpstreamAnswer(status, headers, contentLength, connectionNamed, framing, length, false);
    }

    boolean keepAlive() {
        return keepAlive;
    }

    /**
     * The whole body if it is already buffered, else null; an empty buffer for an answer without
     * body. It is consumed from {@code c} but not copied: {@code c}'s buffer must not be read into
     * again until the body has been written.
     */
    ByteBuffer bufferedBody(UpstreamConnection c) {
        if (framing == Framing.NONE) {
            return ByteBuffer.allocate(0);
        }
        if (framing != Framing.LENGTH || length > c.buffered()) {
            return null;
        }
        ByteBuffer body = ByteBuffer.wrap(c.buffer, c.position, (int) length);
        c.position += (int) length;
        return body;
    }

    /** The Content-Length the upstream sent, as a number; -1 when it sent none. */
    long declaredLength() {
        return declaredLength;
    }

    /** Whether the whole body, once read, fits in {@code capacity} bytes of buffer: a body of a known length that small. */
    boolean fitsIn(int capacity) {
        return framing == Framing.LENGTH && length <= capacity;
    }

    /** True when the answer's Content-Length may go to the client as it is (a body of that length, or an answer to HEAD). */
    boolean sized() {
        return length >= 0;
    }

    /**
     * Streams the body to the client through {@code body}; returns true when the connection
     * ended its answer cleanly and may carry another. A body cut short upstream is an IOException.
     */
    boolean relayBody(UpstreamConnection c, BodyWriter body) throws IOException, InterruptedException {
        return switch (framing) {
            case NONE -> {
                body.finish();
                yield keepAlive;
            }
            case LENGTH -> relay(c, body, length, true) && keepAlive;
            case CHUNKED -> chunks(c, body) && keepAlive;
            case CLOSE -> {
                while (c.ensure()) {
                    if (!body.write(c.buffer, c.position, c.buffered())) {
                        yield false;
                    }
                    c.position = c.limit;
                }
                body.finish();
                yield false;
            }
        };
    }

    /** Relays {@code n} bytes; with {@code last}, the final write also ends the body (one write for a small answer). */
    private static boolean relay(UpstreamConnection c, BodyWriter body, long n, boolean last) throws IOException, InterruptedException {
        if (n == 0 && last) {
            body.finish();
            return true;
        }
        long remaining = n;
        while (remaining > 0) {
            if (!c.ensure()) {
                throw new EOFException("upstream closed the connection mid-body");
            }
            int take = (int) Math.min(c.buffered(), remaining);
            boolean more = last && take == remaining
                    ? body.end(c.buffer, c.position, take)
                    : body.write(c.buffer, c.position, take);
            if (!more) {
                return false;
            }
            c.position += take;
            remaining -= take;
        }
        return true;
    }

    private static boolean chunks(UpstreamConnection c, BodyWriter body) throws IOException, InterruptedException {
        while (true) {
            String sizeLine = c.line();
            int extension = sizeLine.indexOf(';');
            String hex = (extension < 0 ? sizeLine : sizeLine.substring(0, extension)).strip();
            if (hex.isEmpty() || hex.length() > 15 || !hex.chars().allMatch(ch -> Character.digit(ch, 16) >= 0)) {
                throw new IOException("upstream sent a bad chunk size");
            }
            long size = Long.parseLong(hex, 16);
            if (size == 0) {
                while (!c.line().isEmpty()) {
                    // trailers are not relayed
                }
                body.finish();
                return true;
            }
            if (!relay(c, body, size, false)) {
                return false;
            }
            if (!c.line().isEmpty()) {
                throw new IOException("upstream sent a chunk longer than announced");
            }
        }
    }
}
