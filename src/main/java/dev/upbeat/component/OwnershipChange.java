package dev.upbeat.component;

import dev.upbeat.problem.Check;
import dev.upbeat.problem.Problem;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Pattern;

/** Applies the owner, tier and exposure of a draft to a component's ownership, checking each. */
final class OwnershipChange {
    static final int MAX_TEAM = 100;
    static final int MAX_ADDRESS = 500;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private OwnershipChange() {
    }

    /** The ownership after the draft: a null part is left as it was. */
    static Ownership apply(Ownership old, ComponentDraft draft) {
        Ownership o = old == null ? Ownership.NONE : old;
        if (draft.owner() != null) {
            o = owner(o, draft.owner());
        }
        if (draft.tier() != null) {
            o = new Ownership(o.team(), o.channel(), o.address(), tier(draft.tier()), o.exposure());
        }
        if (draft.exposure() != null) {
            o = new Ownership(o.team(), o.channel(), o.address(), o.tier(), draft.exposure());
        }
        return o;
    }

    private static Ownership owner(Ownership o, ComponentDraft.OwnerDraft owner) {
        if (owner.team() != null && owner.team().isEmpty()) {
            return new Ownership(null, null, null, o.tier(), o.exposure());
        }
        String team = Check.text("owner.team", owner.team(), MAX_TEAM);
        ContactChannel channel = Check.oneOf("owner.channel", owner.channel(), ContactChannel::fromWire,
                ContactChannel.allowedValues());
        String address = Check.text("owner.address", owner.address(), MAX_ADDRESS);
        check(channel, address);
        return new Ownership(team, channel, address, o.tier(), o.exposure());
    }

    private static int tier(int tier) {
        if (tier < Ownership.MOST_CRITICAL || tier > Ownership.LEAST_CRITICAL) {
            throw Problem.invalid("tier", "tier must be " + Ownership.MOST_CRITICAL + " (most critical) to "
                    + Ownership.LEAST_CRITICAL + "; got " + tier);
        }
        return tier;
    }

    /** The address must suit its channel; the sender checks a URL's destination again when it posts. */
    private static void check(ContactChannel channel, String address) {
        switch (channel) {
            case EMAIL -> {
                if (!EMAIL.matcher(address).matches()) {
                    throw Problem.invalid("owner.address", "owner.address must be an email address for channel email; got '"
                            + address + "'");
                }
            }
            case SLACK, TEAMS, WEBHOOK -> {
                if (!isHttpsUrl(address)) {
                    throw Problem.invalid("owner.address", "owner.address must be an https:// URL for channel "
                            + channel.wire() + "; got '" + address + "'");
                }
            }
        }
    }

    private static boolean isHttpsUrl(String address) {
        try {
            URI uri = new URI(address);
            return "https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
