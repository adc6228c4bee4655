package dev.upbeat.subscription;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * A block of IPv4 or IPv6 addresses written as {@code address/bits} (a bare address is one
 * address). Parsing never asks DNS: only literal addresses are accepted.
 */
record Cidr(String text, byte[] network, int bits) {

    static Cidr parse(String text) {
        String[] parts = text.strip().split("/", 2);
        byte[] address = literal(parts[0]);
        int bits;
        try {
            bits = parts.length == 2 ? Integer.parseInt(parts[1]) : address.length * 8;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' has no prefix length after '/'");
        }
        if (bits < 0 || bits > address.length * 8) {
            throw new IllegalArgumentException("'" + text + "' has a prefix length outside 0.." + address.length * 8);
        }
        return new Cidr(text.strip(), address, bits);
    }

    /** The bytes of a literal IPv4 or IPv6 address; IPv4-mapped IPv6 stays 16 bytes. */
    static byte[] literal(String text) {
        if (text.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            byte[] v4 = new byte[4];
            String[] octets = text.split("\\.");
            for (int i = 0; i < 4; i++) {
                int octet = Integer.parseInt(octets[i]);
                if (octet > 255) {
                    throw new IllegalArgumentException("'" + text + "' is not an IP address");
                }
                v4[i] = (byte) octet;
            }
            return v4;
        }
        if (!text.matches("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*")) {
            throw new IllegalArgumentException("'" + text + "' is not an IP address");
        }
        try {
            InetAddress a = InetAddress.getByName("[" + text + "]"); // brackets: a literal or an error, never DNS
            if (a instanceof Inet4Address) { // Java turns ::ffff:a.b.c.d into a.b.c.d; keep the form written
                byte[] mapped = new byte[16];
                mapped[10] = (byte) 0xff;
                mapped[11] = (byte) 0xff;
                System.arraycopy(a.getAddress(), 0, mapped, 12, 4);
                return mapped;
            }
            return a.getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("'" + text + "' is not an IP address");
        }
    }

    boolean contains(byte[] address) {
        if (address.length != network.length) {
            return false;
        }
        int whole = bits / 8;
        if (!Arrays.equals(address, 0, whole, network, 0, whole)) {
            return false;
        }
        int mask = (0xff << (8 - bits % 8)) & 0xff;
        return bits % 8 == 0 || (address[whole] & mask) == (network[whole] & mask);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Cidr c && c.bits == bits && c.text.equals(text) && Arrays.equals(c.network, network);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(network) + bits;
    }

    @Override
    public String toString() {
        return text;
    }
}
