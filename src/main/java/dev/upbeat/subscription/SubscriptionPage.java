package dev.upbeat.subscription;

import java.util.List;

/**
 * The model of the small pages a subscriber sees (after subscribing, confirming, managing,
 * unsubscribing). {@code form} picks which form, if any, the page shows: {@code code} (enter an
 * SMS code), {@code manage} (components and unsubscribe) or {@code unsubscribe} (one button).
 */
public record SubscriptionPage(String pageName, String heading, String message, String form, String formToken,
                               String address, String linkToken, List<Choice> components) {

    /** A component the subscriber can tick. */
    public record Choice(String id, String name, boolean checked) {
    }

    static SubscriptionPage notice(String pageName, String heading, String message) {
        return new SubscriptionPage(pageName, heading, message, "none", null, null, null, List.of());
    }

    /** The form to enter the SMS code sent to {@code address}. */
    static SubscriptionPage codeForm(String pageName, String heading, String message, String formToken, String address) {
        return new SubscriptionPage(pageName, heading, message, "code", formToken, address, null, List.of());
    }

    /** The form to pick components or unsubscribe, for the holder of {@code linkToken}. */
    static SubscriptionPage manageForm(String pageName, String heading, String message, String linkToken, List<Choice> components) {
        return new SubscriptionPage(pageName, heading, message, "manage", null, null, linkToken, components);
    }

    /** The one-button form that ends the subscription of the holder of {@code linkToken}. */
    static SubscriptionPage unsubscribeForm(String pageName, String heading, String message, String linkToken) {
        return new SubscriptionPage(pageName, heading, message, "unsubscribe", null, null, linkToken, List.of());
    }
}
