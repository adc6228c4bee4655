package dev.upbeat.subscription;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Keeps webhook, Slack and Teams deliveries off Upbeat's own network: a target whose host
 * resolves to any address of {@link SpecialAddresses} (loopback, private, link-local and cloud
 * metadata, documentation, reserved, NAT64 and 6to4 forms of those, ...) is refused unless its host
 * name, or a CIDR containing the address, is in {@code UPBEAT_WEBHOOK_ALLOW}. An IPv6 address that
 * carries an IPv4 address (NAT64, 6to4, Teredo, IPv4-mapped or -compatible) is refused if the
 * IPv4 address is, even where the IPv6 block itself is allowed.
 *
 * <p>Checked when subscribing, and by the sender at connection time through {@link #addresses}:
 * the addresses it returns are the only ones the connection may use, so a name that resolves to
 * a public address for the check and to an internal one a moment later gains nothing.
 */
public final class TargetGuard {

    /** Host names to addresses: DNS in production, a fake in tests. */
    @FunctionalInterface
    public interface Resolver {
        Resolver SYSTEM = host -> List.of(InetAddress.getAllByName(host));

        List<InetAddress> resolve(String host) throws UnknownHostException;
    }

    /** A target that may not be called; the message says why and what would allow it. */
    public static final class Refused extends Exception {
        Refused(String message) {
            super(message, null, false, false);
        }
    }

    private final List<String> allowedNames = new ArrayList<>();
    private final List<Cidr> allowedBlocks = new ArrayList<>();
    private final Resolver resolver;

    public TargetGuard(List<String> allow) {
        this(allow, Resolver.SYSTEM);
    }

    public TargetGuard(List<String> allow, Resolver resolver) {
        this.resolver = resolver;
        for (String entry : allow) {
            String e = entry.strip().toLowerCase(Locale.ROOT);
            try {
                allowedBlocks.add(Cidr.parse(e));
            } catch (IllegalArgumentException notAnAddress) {
                allowedNames.add(e);
            }
        }
    }

    /** Why {@code url} may not be called, or empty if it may. */
    public Optional<String> refusal(URI url) {
        if (url == null || url.getScheme() == null || !(url.getScheme().equals("http") || url.getScheme().equals("https"))
                || url.getHost() == null) {
            return Optional.of("must be an absolute http or https URL");
        }
        if (allowedNames.contains(bare(url.getHost()))) {
            return Optional.empty(); // allowed by name: it may not resolve from here yet
        }
        try {
            addresses(url.getHost());
            return Optional.empty();
        } catch (Refused e) {
            return Optional.of(e.getMessage());
        }
    }

    /**
     * Resolves {@code host} once and returns its addresses if every one may be called: connect
     * only to these. An allowed host name is resolved but not checked.
     */
    public List<InetAddress> addresses(String host) throws Refused {
        String name = bare(host);
        List<InetAddress> addresses;
        try {
            addresses = resolver.resolve(name);
        } catch (UnknownHostException e) {
            throw new Refused("host '" + name + "' does not resolve");
        }
        if (addresses.isEmpty()) {
            throw new Refused("host '" + name + "' does not resolve");
        }
        if (!allowedNames.contains(name)) {
            for (InetAddress a : addresses) {
                Optional<String> why = why(a.getAddress());
                if (why.isPresent()) {
                    throw new Refused("host '" + name + "' resolves to " + a.getHostAddress() + ", " + why.get()
                            + "; allow it with UPBEAT_WEBHOOK_ALLOW");
                }
            }
        }
        return addresses;
    }

    /** What is wrong with calling {@code address}, or empty if nothing is. */
    Optional<String> why(byte[] address) {
        if (allowedBlocks.stream().noneMatch(c -> c.contains(address))) {
            Optional<SpecialAddresses.Block> block = SpecialAddresses.blockOf(address);
            if (block.isPresent()) {
                SpecialAddresses.Block b = block.get();
                return Optional.of("in " + b.cidr() + ", " + b.name() + " (" + b.rfc() + ")");
            }
        }
        for (byte[] v4 : SpecialAddresses.embeddedIpv4(address)) {
            Optional<String> inner = why(v4);
            if (inner.isPresent()) {
                return Optional.of("which carries the IPv4 address " + text(v4) + ", " + inner.get());
            }
        }
        return Optional.empty();
    }

    private static String bare(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        return name.startsWith("[") && name.endsWith("]") ? name.substring(1, name.length() - 1) : name;
    }

    private static String text(byte[] address) {
        try {
            return InetAddress.getByAddress(address).getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalStateException("4 or 16 bytes always make an address", e);
        }
    }
}
