package dev.upbeat.notification;

import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * Email over SMTP with Angus Mail: {@code smtp://} upgrades with STARTTLS when the server offers
 * it ({@code ?starttls=required} insists), {@code smtps://} speaks TLS from the start; user and
 * password in the URL turn on AUTH. Each message has a plain-text and an HTML part, and event
 * messages carry List-Unsubscribe with RFC 8058 one-click. One SMTP session serves a whole batch.
 */
public final class EmailSender implements Sender {
    private static final String TIMEOUT_MILLIS = "10000";

    static {
        // Jakarta Mail 2.1 looks up its stream provider for every body part and every message it
        // writes, with a ServiceLoader scan of the class path unless this names it: named, a fan-out
        // spends its time sending rather than reading jar indexes.
        System.getProperties().putIfAbsent("jakarta.mail.util.StreamProvider", "org.eclipse.angus.mail.util.MailStreamProvider");
    }

    private final Session session;
    private final String protocol;
    private final String user;
    private final String password;
    private final InternetAddress from;
    private final Composer composer;

    public EmailSender(URI smtpUrl, String mailFrom, Composer composer) {
        this.protocol = smtpUrl.getScheme();
        this.composer = composer;
        String[] credentials = smtpUrl.getRawUserInfo() == null ? new String[0] : smtpUrl.getRawUserInfo().split(":", 2);
        this.user = credentials.length > 0 ? decode(credentials[0]) : null;
        this.password = credentials.length > 1 ? decode(credentials[1]) : null;
        Properties p = new Properties();
        String prefix = "mail." + protocol + ".";
        p.put("mail.transport.protocol", protocol);
        p.put(prefix + "host", smtpUrl.getHost());
        p.put(prefix + "port", Integer.toString(smtpUrl.getPort() > 0 ? smtpUrl.getPort() : "smtps".equals(protocol) ? 465 : 587));
        p.put(prefix + "auth", Boolean.toString(user != null));
        p.put(prefix + "connectiontimeout", TIMEOUT_MILLIS);
        p.put(prefix + "timeout", TIMEOUT_MILLIS);
        p.put(prefix + "writetimeout", TIMEOUT_MILLIS);
        if ("smtp".equals(protocol)) {
            p.put("mail.smtp.starttls.enable", "true");
            p.put("mail.smtp.starttls.required", Boolean.toString(String.valueOf(smtpUrl.getQuery()).contains("starttls=required")));
        } else {
            p.put("mail.smtps.ssl.checkserveridentity", "true");
        }
        this.session = Session.getInstance(p);
        try {
            this.from = new InternetAddress(mailFrom, true);
        } catch (MessagingException e) {
            throw new IllegalArgumentException("UPBEAT_MAIL_FROM is not an address: " + mailFrom, e);
        }
    }

    @Override
    public Batch open() {
        return new SmtpBatch();
    }

    MimeMessage mime(Outgoing o) throws MessagingException {
        Message m = composer.message(o);
        MimeMessage mime = new MimeMessage(session);
        mime.setFrom(from);
        mime.setRecipient(RecipientType.TO, new InternetAddress(o.address(), true));
        mime.setSubject(m.subject(), "UTF-8");
        mime.setHeader("Auto-Submitted", "auto-generated");
        if (!o.isConfirmation() && !o.isNotice()) {
            mime.setHeader("List-Unsubscribe", "<" + composer.links().unsubscribe(o.subscriber()) + ">");
            mime.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        MimeBodyPart text = new MimeBodyPart();
        text.setText(m.text(), "UTF-8", "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(m.html(), "UTF-8", "html");
        mime.setContent(new MimeMultipart("alternative", text, html));
        mime.saveChanges();
        return mime;
    }

    private final class SmtpBatch implements Batch {
        private Transport transport;

        @Override
        public void send(Outgoing o) throws DeliveryFailure {
            MimeMessage mime;
            try {
                mime = mime(o);
            } catch (MessagingException e) {
                throw new DeliveryFailure("Not a deliverable address or message: " + e.getMessage(), true);
            }
            try {
                transmitOrRetry(mime);
            } catch (SendFailedException e) {
                throw new DeliveryFailure("SMTP server refused the recipient: " + e.getMessage(), false);
            } catch (MessagingException e) {
                close(); // the session may be broken; the next send reconnects
                throw new DeliveryFailure("SMTP: " + e.getMessage(), false);
            }
        }

        /** A server may end a session after so many messages or so long: then one more try on a new session. */
        private void transmitOrRetry(MimeMessage mime) throws MessagingException {
            boolean reused = transport != null;
            try {
                transmit(mime);
            } catch (MessagingException e) {
                if (!reused || transport.isConnected()) {
                    throw e;
                }
                close();
                transmit(mime);
            }
        }

        /**
         * Sends on this batch's session, connecting first if there is none. Not isConnected() before
         * each message: Angus asks the server with a NOOP for that, one more round trip per message.
         */
        private void transmit(MimeMessage mime) throws MessagingException {
            if (transport == null) {
                transport = session.getTransport(protocol);
                transport.connect(user, password);
            }
            transport.sendMessage(mime, mime.getAllRecipients());
        }

        @Override
        public void close() {
            if (transport != null) {
                try {
                    transport.close();
                } catch (MessagingException ignored) {
                    // the server went away; nothing to clean up on our side
                }
                transport = null;
            }
        }
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
