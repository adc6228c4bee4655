package dev.upbeat.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;

/**
 * The request as it goes upstream: the request-target prefix and Host computed once per target,
 * end-to-end headers plus X-Forwarded-For/Proto/Host, and the body as it came (re-chunked when its
 * length is unknown). Hop-by-hop headers, and those the Connection header names, stay on their hop.
 */
final class UpstreamRequest {
    /** RFC 9110 section 7.6.1, plus Host (the upstream's own is sent). */
    static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade", "host");

    private final String host;
    private final String basePath;

    UpstreamRequest(URI base) {
        this.host = base.getRawAuthority();
        String path = base.getRawPath() == null ? "" : base.getRawPath();
        this.basePath = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    void writeHead(UpstreamConnection c, Request in) throws IOException {
        buildHead(c, in);
        c.sendHead();
    }

    /** Builds the request head in {@code c}'s head buffer, for {@link UpstreamConnection#sendHead} or a selector to write. */
    void buildHead(UpstreamConnection c, Request in) {
        c.startHead();
        c.append(in.getMethod());
        c.append(" ");
        c.append(basePath);
        c.append(in.getHttpURI().getPath());
        String query = in.getHttpURI().getQuery();
        if (query != null) {
            c.append("?");
            c.append(query);
        }
        c.append(" HTTP/1.1\r\nHost: ");
        c.append(host);
        c.append("\r\n");
        HttpFields fields = in.getHeaders();
        // One pass for the headers this hop reads (a header may come on several lines), one to copy the rest.
        String connection = null;
        String forwardedFor = null;
        String forwardedHost = null;
        int count = fields.size();
        for (int i = 0; i < count; i++) {
            HttpField f = fields.getField(i);
            if (f.getHeader() == HttpHeader.CONNECTION) {
                connection = connection == null ? f.getValue() : connection + "," + f.getValue();
            } else if (f.getHeader() == HttpHeader.X_FORWARDED_FOR) {
                forwardedFor = forwardedFor == null ? f.getValue() : forwardedFor + ", " + f.getValue();
            } else if (f.getHeader() == HttpHeader.HOST && forwardedHost == null) {
                forwardedHost = f.getValue();
            }
        }
        for (int i = 0; i < count; i++) {
            HttpField f = fields.getField(i);
            String name = f.getLowerCaseName();
            if (!HOP_BY_HOP.contains(name) && !named(connection, name) && !ours(name, forwardedHost != null)) {
                header(c, f.getName(), f.getValue());
            }
        }
        String client = address(in.getConnectionMetaData().getRemoteSocketAddress());
        header(c, "X-Forwarded-For", forwardedFor == null ? client : forwardedFor + ", " + client);
        header(c, "X-Forwarded-Proto", in.getHttpURI().getScheme() == null ? "http" : in.getHttpURI().getScheme());
        if (forwardedHost != null) {
            header(c, "X-Forwarded-Host", forwardedHost);
        }
        if (in.getLength() < 0 && fields.contains(HttpHeader.TRANSFER_ENCODING)) {
            c.append("Transfer-Encoding: chunked\r\n");
        }
        c.append("\r\n");
    }

    private static void header(UpstreamConnection c, String name, String value) {
        c.append(name);
        c.append(": ");
        c.append(value == null ? "" : value);
        c.append("\r\n");
    }

    /** The X-Forwarded-* headers this hop writes itself (a client's X-Forwarded-For is extended, not dropped). */
    private static boolean ours(String name, boolean hostKnown) {
        return name.equals("x-forwarded-for") || name.equals("x-forwarded-proto") || hostKnown && name.equals("x-forwarded-host");
    }

    /** Whether {@code name}, in any case, is a hop-by-hop header (without allocating: called for every header of every answer). */
    static boolean hopByHop(String name) {
        for (String hop : HOP_BY_HOP) {
            if (hop.length() == name.length() && hop.equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the Connection header lists {@code name}, as a whole token. */
    static boolean named(String connection, String name) {
        if (connection == null) {
            return false;
        }
        for (String token : connection.split(",")) {
            if (token.strip().equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    /** The request body, as it came when its length is known, else re-chunked. */
    static void sendBody(OutputStream socket, Request in) throws IOException {
        boolean chunked = in.getLength() < 0;
        OutputStream out = new java.io.BufferedOutputStream(socket, 16 * 1024);
        InputStream body = Content.Source.asInputStream(in);
        byte[] buffer = new byte[16 * 1024];
        for (int n = body.read(buffer); n >= 0; n = body.read(buffer)) {
            if (n == 0) {
                continue;
            }
            if (chunked) {
                out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            }
            out.write(buffer, 0, n);
            if (chunked) {
                out.write(CRLF);
            }
        }
        if (chunked) {
            out.write(LAST_CHUNK);
        }
        out.flush();
    }

    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] LAST_CHUNK = "0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    static boolean hasBody(Request in) {
        return in.getLength() > 0 || in.getHeaders().contains(HttpHeader.TRANSFER_ENCODING);
    }

    private static String address(SocketAddress a) {
        return a instanceof InetSocketAddress i ? i.getAddress().getHostAddress() : String.valueOf(a);
    }
}
