package dev.upbeat.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * HTTP/1.1 over a plain socket, to see what a client sees below the HTTP libraries: every byte
 * received, and how the connection ended (closed, reset, or still silent at the timeout).
 */
public final class RawHttp {
    private RawHttp() {
    }

    /** How the exchange ended. */
    public enum End { CLOSED, RESET, SILENT }

    /** What came back before the end. */
    public record Exchange(byte[] bytes, End end) {
        public String text() {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }

        /** The bytes after the blank line that ends the headers. */
        public String body() {
            String t = text();
            int at = t.indexOf("\r\n\r\n");
            return at < 0 ? "" : t.substring(at + 4);
        }
    }

    public static Exchange get(int port, String path, int timeoutMillis) throws IOException {
        return send(port, "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n\r\n", timeoutMillis);
    }

    public static Exchange send(int port, String request, int timeoutMillis) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(timeoutMillis);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            try {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    got.write(buffer, 0, n);
                }
                return new Exchange(got.toByteArray(), End.CLOSED);
            } catch (SocketTimeoutException e) {
                return new Exchange(got.toByteArray(), End.SILENT);
            } catch (java.net.SocketException e) {
                if (String.valueOf(e.getMessage()).toLowerCase().contains("reset")) {
                    return new Exchange(got.toByteArray(), End.RESET);
                }
                throw e;
            }
        }
    }
}
