package dev.upbeat.subscription;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Every block of IANA's IPv4 and IPv6 Special-Purpose Address Registries (RFC 6890; as of 2025),
 * plus multicast and the deprecated IPv6 forms that stacks may still route. None is a place a
 * subscriber's webhook can honestly live. Blocks whose addresses carry an IPv4 address say where,
 * so that address is checked as well.
 */
final class SpecialAddresses {

    /** Where an IPv6 address of a block carries an IPv4 address. */
    enum Embedded {
        NONE,
        /** The last 32 bits: IPv4-mapped, IPv4-compatible, and NAT64 with a /96 prefix (RFC 6052 section 2.2). */
        LAST_32,
        /** Bits 16 to 47 (RFC 3056 section 2). */
        SIX_TO_FOUR,
        /** The server in bits 32 to 63, the client in the last 32 bits inverted (RFC 4380 section 4). */
        TEREDO
    }

    record Block(Cidr cidr, String name, String rfc, Embedded embedded) {
    }

    static final List<Block> BLOCKS = List.of(
            v4("0.0.0.0/8", "this network", "RFC 791"),
            v4("10.0.0.0/8", "private-use", "RFC 1918"),
            v4("100.64.0.0/10", "shared address space (carrier-grade NAT)", "RFC 6598"),
            v4("127.0.0.0/8", "loopback", "RFC 1122"),
            v4("169.254.0.0/16", "link-local (cloud metadata)", "RFC 3927"),
            v4("172.16.0.0/12", "private-use", "RFC 1918"),
            v4("192.0.0.0/24", "IETF protocol assignments", "RFC 6890"),
            v4("192.0.0.0/29", "IPv4 service continuity prefix", "RFC 7335"),
            v4("192.0.0.8/32", "IPv4 dummy address", "RFC 7600"),
            v4("192.0.0.9/32", "port control protocol anycast", "RFC 7723"),
            v4("192.0.0.10/32", "TURN anycast", "RFC 8155"),
            v4("192.0.0.170/32", "NAT64/DNS64 discovery", "RFC 8880"),
            v4("192.0.0.171/32", "NAT64/DNS64 discovery", "RFC 8880"),
            v4("192.0.2.0/24", "documentation (TEST-NET-1)", "RFC 5737"),
            v4("192.31.196.0/24", "AS112-v4", "RFC 7535"),
            v4("192.52.193.0/24", "AMT", "RFC 7450"),
            v4("192.88.99.0/24", "deprecated 6to4 relay anycast", "RFC 7526"),
            v4("192.88.99.2/32", "6a44 relay anycast", "RFC 6751"),
            v4("192.168.0.0/16", "private-use", "RFC 1918"),
            v4("192.175.48.0/24", "direct delegation AS112 service", "RFC 7534"),
            v4("198.18.0.0/15", "benchmarking", "RFC 2544"),
            v4("198.51.100.0/24", "documentation (TEST-NET-2)", "RFC 5737"),
            v4("203.0.113.0/24", "documentation (TEST-NET-3)", "RFC 5737"),
            v4("224.0.0.0/4", "multicast", "RFC 5771"),
            v4("240.0.0.0/4", "reserved", "RFC 1112"),
            v4("255.255.255.255/32", "limited broadcast", "RFC 919"),
            v6("::/128", "unspecified", "RFC 4291", Embedded.NONE),
            v6("::1/128", "loopback", "RFC 4291", Embedded.NONE),
            v6("::/96", "IPv4-compatible (deprecated)", "RFC 4291", Embedded.LAST_32),
            v6("::ffff:0:0/96", "IPv4-mapped", "RFC 4291", Embedded.LAST_32),
            v6("64:ff9b::/96", "IPv4-IPv6 translation (NAT64)", "RFC 6052", Embedded.LAST_32),
            v6("64:ff9b:1::/48", "local-use IPv4-IPv6 translation", "RFC 8215", Embedded.LAST_32),
            v6("100::/64", "discard-only", "RFC 6666", Embedded.NONE),
            v6("100:0:0:1::/64", "dummy IPv6 prefix", "RFC 9780", Embedded.NONE),
            v6("2001::/23", "IETF protocol assignments", "RFC 2928", Embedded.NONE),
            v6("2001::/32", "Teredo", "RFC 4380", Embedded.TEREDO),
            v6("2001:1::1/128", "port control protocol anycast", "RFC 7723", Embedded.NONE),
            v6("2001:1::2/128", "TURN anycast", "RFC 8155", Embedded.NONE),
            v6("2001:1::3/128", "DNS-SD service registration protocol anycast", "RFC 9665", Embedded.NONE),
            v6("2001:2::/48", "benchmarking", "RFC 5180", Embedded.NONE),
            v6("2001:3::/32", "AMT", "RFC 7450", Embedded.NONE),
            v6("2001:4:112::/48", "AS112-v6", "RFC 7535", Embedded.NONE),
            v6("2001:10::/28", "deprecated ORCHID", "RFC 4843", Embedded.NONE),
            v6("2001:20::/28", "ORCHIDv2", "RFC 7343", Embedded.NONE),
            v6("2001:30::/28", "drone remote ID entity tags", "RFC 9374", Embedded.NONE),
            v6("2001:db8::/32", "documentation", "RFC 3849", Embedded.NONE),
            v6("2002::/16", "6to4", "RFC 3056", Embedded.SIX_TO_FOUR),
            v6("2620:4f:8000::/48", "direct delegation AS112 service", "RFC 7534", Embedded.NONE),
            v6("3fff::/20", "documentation", "RFC 9637", Embedded.NONE),
            v6("5f00::/16", "segment routing (SRv6) SIDs", "RFC 9602", Embedded.NONE),
            v6("fc00::/7", "unique-local", "RFC 4193", Embedded.NONE),
            v6("fe80::/10", "link-local", "RFC 4291", Embedded.NONE),
            v6("fec0::/10", "site-local (deprecated)", "RFC 3879", Embedded.NONE),
            v6("ff00::/8", "multicast", "RFC 4291", Embedded.NONE));

    private SpecialAddresses() {
    }

    /** The narrowest block holding {@code address}, if any: the one whose name says most. */
    static Optional<Block> blockOf(byte[] address) {
        return BLOCKS.stream().filter(b -> b.cidr().contains(address)).max(Comparator.comparingInt(b -> b.cidr().bits()));
    }

    /** The IPv4 addresses {@code address} carries, by every block it is in that carries one. */
    static List<byte[]> embeddedIpv4(byte[] address) {
        List<byte[]> found = new ArrayList<>();
        for (Block b : BLOCKS) {
            if (!b.cidr().contains(address)) {
                continue;
            }
            switch (b.embedded()) {
                case NONE -> { }
                case LAST_32 -> found.add(Arrays.copyOfRange(address, 12, 16));
                case SIX_TO_FOUR -> found.add(Arrays.copyOfRange(address, 2, 6));
                case TEREDO -> {
                    found.add(Arrays.copyOfRange(address, 4, 8));
                    byte[] client = Arrays.copyOfRange(address, 12, 16);
                    for (int i = 0; i < 4; i++) {
                        client[i] = (byte) ~client[i];
                    }
                    found.add(client);
                }
            }
        }
        return found;
    }

    private static Block v4(String cidr, String name, String rfc) {
        return new Block(Cidr.parse(cidr), name, rfc, Embedded.NONE);
    }

    private static Block v6(String cidr, String name, String rfc, Embedded embedded) {
        return new Block(Cidr.parse(cidr), name, rfc, embedded);
    }
}
