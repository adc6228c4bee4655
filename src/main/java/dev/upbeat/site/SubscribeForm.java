package dev.upbeat.site;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * What the home page needs for its subscribe form: a signer of dated anti-forgery tokens and the
 * channels this installation can deliver to. The page is cached per snapshot, so tokens must stay
 * valid well beyond the snapshot refresh interval.
 */
public record SubscribeForm(Function<Instant, String> token, List<String> channels) {
}
