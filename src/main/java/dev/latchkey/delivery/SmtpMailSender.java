package dev.latchkey.delivery;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/** Sends email over SMTP with Jakarta Mail (through Spring's {@link JavaMailSender}). */
final class SmtpMailSender implements MailSender {

    private final JavaMailSender sender;
    private final String from;

    SmtpMailSender(JavaMailSender sender, String from) {
        this.sender = sender;
        this.from = from;
    }

    @Override
    public void send(String to, String subject, String body) throws DeliveryException {
        try {
            MimeMessage message = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, "UTF-8");
            helper.setFrom(from);
            helper.setTo(to);
            helper.setSubject(subject);
            helper.setText(body, false);
            sender.send(message);
        } catch (AddressException | MailParseException ex) {
            throw new DeliveryException("invalid address or message: " + ex.getMessage(), false, ex);
        } catch (MailAuthenticationException ex) {
            throw new DeliveryException("SMTP authentication failed", true, ex);
        } catch (MessagingException | MailException ex) {
            throw new DeliveryException("SMTP server unavailable: " + rootMessage(ex), true, ex);
        }
    }

    private static String rootMessage(Throwable ex) {
        Throwable root = ex;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
