package dev.upbeat.subscription;

import java.util.List;

/** A request to subscribe, as posted to the API or the page's form; fields are checked by the service. */
public record SubscribeRequest(String channel, String address, List<String> components, String secret, Boolean confirmed) {
}
