package dev.upbeat.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The subscribe form asks only for the kinds of address this installation can deliver to. */
class SubscribeFormTest {
    private static final SubscribeForm.Choice EMAIL = new SubscribeForm.Choice("email", "Email", "email address");
    private static final SubscribeForm.Choice SMS = new SubscribeForm.Choice("sms", "SMS", "mobile number");
    private static final SubscribeForm.Choice WEBHOOK = new SubscribeForm.Choice("webhook", "Webhook", "webhook URL");

    @Test
    void the_label_names_only_the_offered_channels() {
        assertThat(form(EMAIL).addressLabel()).isEqualTo("Email address");
        assertThat(form(EMAIL, WEBHOOK).addressLabel()).isEqualTo("Email address or webhook URL");
        assertThat(form(EMAIL, SMS, WEBHOOK).addressLabel()).isEqualTo("Email address, mobile number or webhook URL");
        assertThat(form(WEBHOOK).addressLabel()).isEqualTo("Webhook URL");
    }

    @Test
    void browsers_offer_the_visitors_email_only_when_email_is_all_the_form_takes() {
        assertThat(form(EMAIL).emailOnly()).isTrue();
        assertThat(form(EMAIL, WEBHOOK).emailOnly()).isFalse();
        assertThat(form(WEBHOOK).emailOnly()).isFalse();
    }

    private static SubscribeForm form(SubscribeForm.Choice... channels) {
        return new SubscribeForm(at -> "token", List.of(channels));
    }
}
