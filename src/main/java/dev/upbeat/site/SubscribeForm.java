package dev.upbeat.site;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * What the home page needs for its subscribe form: a signer of dated anti-forgery tokens and the
 * channels this installation can deliver to. The page is cached per snapshot, so tokens must stay
 * valid well beyond the snapshot refresh interval.
 */
public record SubscribeForm(Function<Instant, String> token, List<Choice> channels) {

    /** A channel the form offers: its wire name, its name for people, and what its address is in words. */
    public record Choice(String wire, String name, String addressWords) {
    }

    /** "Email address or webhook URL": only what the offered channels take. */
    String addressLabel() {
        List<String> words = channels.stream().map(Choice::addressWords).toList();
        String joined = words.size() <= 1 ? String.join("", words)
                : String.join(", ", words.subList(0, words.size() - 1)) + " or " + words.get(words.size() - 1);
        return joined.isEmpty() ? "Address" : joined.substring(0, 1).toUpperCase(Locale.ROOT) + joined.substring(1);
    }

    /** True when email is all the form takes, so browsers may offer the visitor's address. */
    boolean emailOnly() {
        return channels.size() == 1 && channels.get(0).wire().equals("email");
    }
}
