package dev.latchkey.delivery;

/** Sends one plain-text email. Throws {@link DeliveryException} when the mail server does not take it. */
interface MailSender {

    void send(String to, String subject, String body) throws DeliveryException;
}
