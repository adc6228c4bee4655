package dev.upbeat.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TargetGuardTest {
    private final TargetGuard strict = new TargetGuard(List.of());

    @Test
    void internal_addresses_are_refused_unless_a_host_or_cidr_allows_them() {
        assertThat(strict.refusal(URI.create("http://127.0.0.1/x"))).isPresent();
        assertThat(strict.refusal(URI.create("http://100.64.1.1/x"))).as("carrier-grade NAT").isPresent();
        assertThat(strict.refusal(URI.create("http://[::ffff:10.0.0.1]/x"))).as("IPv4-mapped").isPresent();
        assertThat(strict.refusal(URI.create("https://93.184.215.14/x"))).isEmpty();

        TargetGuard allowing = new TargetGuard(List.of("10.0.0.0/8", "127.0.0.1", "hooks.internal"));
        assertThat(allowing.refusal(URI.create("http://10.20.30.40/x"))).isEmpty();
        assertThat(allowing.refusal(URI.create("http://127.0.0.1:9000/x"))).isEmpty();
        assertThat(allowing.refusal(URI.create("http://127.0.0.2/x"))).isPresent();
        assertThat(allowing.refusal(URI.create("http://192.168.1.1/x"))).isPresent();
        assertThat(allowing.refusal(URI.create("http://hooks.internal/x"))).as("allowed by name, not resolved").isEmpty();
        assertThat(allowing.refusal(URI.create("ftp://example.com/x"))).isPresent();
    }

    @Test
    void ipv6_forms_of_internal_ipv4_addresses_and_reserved_ranges_are_refused() {
        for (String host : List.of("[64:ff9b::a9fe:a9fe]", "[64:ff9b::7f00:1]", "[::127.0.0.1]", "[::a9fe:a9fe]",
                "[2002:a9fe:a9fe::1]", "198.18.0.1", "198.19.255.255", "192.0.0.1", "240.0.0.1", "255.255.255.255",
                "[2001:db8::1]", "[64:ff9b:1::a9fe:a9fe]", "[2001:0:4136:e378:8000:63bf:3fff:fdd2]")) {
            assertThat(strict.refusal(URI.create("http://" + host + "/hook"))).as(host).isPresent();
        }
        assertThat(strict.refusal(URI.create("http://[64:ff9b::a9fe:a9fe]/x")).orElseThrow())
                .contains("64:ff9b:0:0:0:0:a9fe:a9fe").contains("RFC 6052").contains("UPBEAT_WEBHOOK_ALLOW");
        assertThat(strict.refusal(URI.create("http://[2606:4700::1111]/x"))).as("a public IPv6 address").isEmpty();
    }

    @Test
    void an_allowed_translation_prefix_still_refuses_the_internal_ipv4_address_it_carries() {
        TargetGuard nat64 = new TargetGuard(List.of("64:ff9b::/96", "2002::/16", "2001::/32"));
        assertThat(nat64.refusal(URI.create("http://[64:ff9b::5db8:d70e]/x"))).as("93.184.215.14 through NAT64").isEmpty();
        assertThat(nat64.refusal(URI.create("http://[64:ff9b::a9fe:a9fe]/x")).orElseThrow())
                .contains("carries the IPv4 address 169.254.169.254").contains("RFC 3927");
        assertThat(nat64.refusal(URI.create("http://[2002:5db8:d70e::1]/x"))).as("6to4 of a public address").isEmpty();
        assertThat(nat64.refusal(URI.create("http://[2002:a00:1::1]/x"))).as("6to4 of 10.0.0.1").isPresent();
        // RFC 4380's example: server 65.54.227.120, client 192.0.2.45 (a documentation address, stored inverted).
        assertThat(nat64.refusal(URI.create("http://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/x")).orElseThrow())
                .contains("192.0.2.45");
    }

    /** Every registry entry: its first and last address refused, the addresses just outside it not (unless another entry holds them). */
    @Test
    void every_special_purpose_block_is_refused_from_its_first_to_its_last_address_and_no_further() throws Exception {
        for (SpecialAddresses.Block b : SpecialAddresses.BLOCKS) {
            int size = b.cidr().network().length * 8;
            BigInteger first = new BigInteger(1, b.cidr().network()).shiftRight(size - b.cidr().bits()).shiftLeft(size - b.cidr().bits());
            BigInteger last = first.add(BigInteger.ONE.shiftLeft(size - b.cidr().bits())).subtract(BigInteger.ONE);
            assertThat(refused(bytes(first, size))).as("first of %s", b.cidr()).isTrue();
            assertThat(refused(bytes(last, size))).as("last of %s", b.cidr()).isTrue();
            for (BigInteger outside : List.of(first.subtract(BigInteger.ONE), last.add(BigInteger.ONE))) {
                if (outside.signum() < 0 || outside.bitLength() > size) {
                    continue;
                }
                byte[] n = bytes(outside, size);
                boolean inAnother = SpecialAddresses.BLOCKS.stream().anyMatch(o -> o.cidr().contains(n));
                assertThat(refused(n)).as("%s, next to %s", InetAddress.getByAddress(n).getHostAddress(), b.cidr())
                        .isEqualTo(inAnother);
            }
        }
    }

    @Test
    void the_checked_addresses_are_the_ones_handed_to_the_connection_and_a_name_is_resolved_once() throws Exception {
        List<String> asked = new ArrayList<>();
        Map<String, String> dns = Map.of("hooks.example.test", "93.184.215.14", "inside.example.test", "10.0.0.7");
        TargetGuard guard = new TargetGuard(List.of(), host -> {
            asked.add(host);
            return List.of(InetAddress.getByAddress(host, Cidr.literal(dns.get(host))));
        });
        assertThat(guard.addresses("hooks.example.test")).extracting(InetAddress::getHostAddress).containsExactly("93.184.215.14");
        assertThat(asked).containsExactly("hooks.example.test");
        assertThat(guard.refusal(URI.create("https://inside.example.test/x")).orElseThrow())
                .isEqualTo("host 'inside.example.test' resolves to 10.0.0.7, in 10.0.0.0/8, private-use (RFC 1918); "
                        + "allow it with UPBEAT_WEBHOOK_ALLOW");
    }

    private boolean refused(byte[] address) {
        return strict.why(address).isPresent();
    }

    private static byte[] bytes(BigInteger value, int bits) {
        byte[] raw = value.toByteArray();
        byte[] out = new byte[bits / 8];
        int copy = Math.min(raw.length, out.length);
        System.arraycopy(raw, raw.length - copy, out, out.length - copy, copy);
        return out;
    }
}
