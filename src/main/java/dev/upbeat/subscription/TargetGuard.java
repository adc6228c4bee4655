package dev.upbeat.subscription;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Keeps webhook, Slack and Teams deliveries off Upbeat's own network: a target whose host
 * resolves to a loopback, private, link-local (cloud metadata included), unique-local, multicast
 * or unspecified address is refused unless its host name or a CIDR containing the address is in
 * {@code UPBEAT_WEBHOOK_ALLOW}. Checked after DNS resolution, when subscribing and again before
 * each send, so a name that later points inside is caught.
 */
public final class TargetGuard {
    private final List<String> allow;

    public TargetGuard(List<String> allow) {
        this.allow = allow.stream().map(a -> a.toLowerCase(Locale.ROOT)).toList();
    }

    /** Why {@code url} may not be called, or empty if it may. */
    public Optional<String> refusal(URI url) {
        if (url == null || url.getScheme() == null || !(url.getScheme().equals("http") || url.getScheme().equals("https"))
                || url.getHost() == null) {
            return Optional.of("must be an absolute http or https URL");
        }
        String host = url.getHost().toLowerCase(Locale.ROOT);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (allow.contains(host)) {
            return Optional.empty();
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            return Optional.of("host '" + host + "' does not resolve");
        }
        for (InetAddress a : addresses) {
            if (isInternal(a) && !allowed(a)) {
                return Optional.of("host '" + host + "' resolves to " + a.getHostAddress()
                        + ", a loopback, private or link-local address; allow it with UPBEAT_WEBHOOK_ALLOW");
            }
        }
        return Optional.empty();
    }

    static boolean isInternal(InetAddress a) {
        byte[] b = a.getAddress();
        if (b.length == 16 && isMappedV4(b)) {
            try {
                return isInternal(InetAddress.getByAddress(java.util.Arrays.copyOfRange(b, 12, 16)));
            } catch (UnknownHostException e) {
                return true;
            }
        }
        boolean carrierNat = b.length == 4 && (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64;
        boolean uniqueLocal = b.length == 16 && (b[0] & 0xfe) == 0xfc;
        boolean thisNetwork = b.length == 4 && b[0] == 0;
        return a.isLoopbackAddress() || a.isSiteLocalAddress() || a.isLinkLocalAddress() || a.isAnyLocalAddress()
                || a.isMulticastAddress() || carrierNat || uniqueLocal || thisNetwork;
    }

    private static boolean isMappedV4(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
    }

    private boolean allowed(InetAddress a) {
        return allow.stream().anyMatch(rule -> matches(rule, a));
    }

    private static boolean matches(String rule, InetAddress a) {
        String[] parts = rule.split("/", 2);
        if (!parts[0].matches("[0-9a-f.:]+")) {
            return false; // a host name, matched before resolution
        }
        try {
            InetAddress net = InetAddress.getByName(parts[0]);
            if (net.getAddress().length != a.getAddress().length) {
                return false;
            }
            int bits = parts.length == 2 ? Integer.parseInt(parts[1]) : net.getAddress().length * 8;
            int total = net.getAddress().length * 8;
            BigInteger mask = BigInteger.ONE.shiftLeft(total).subtract(BigInteger.ONE)
                    .xor(BigInteger.ONE.shiftLeft(total - bits).subtract(BigInteger.ONE));
            return new BigInteger(1, net.getAddress()).and(mask).equals(new BigInteger(1, a.getAddress()).and(mask));
        } catch (UnknownHostException | NumberFormatException e) {
            return false;
        }
    }
}
