package dev.latchkey.mfa.code;

import dev.latchkey.delivery.Channel;
import dev.latchkey.delivery.OutgoingMessage;
import dev.latchkey.mfa.FactorSubject;
import dev.latchkey.mfa.Verification;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.context.ApplicationContext;

/**
 * The code store's send and verify of an email code, as the code step runs them, for the JMH benchmark in bench/
 * (package dev.latchkey.bench): a public test fixture, so that no bench class lives in a production package.
 */
public final class EmailCodeFixture {

    private final OneTimeCodes codes;

    public EmailCodeFixture(ApplicationContext context) {
        this.codes = context.getBean(OneTimeCodes.class);
    }

    /** Sends (and so stores) a fresh email code for the subject's login and returns it as the user would read it. */
    public String send(FactorSubject subject) {
        AtomicReference<String> sent = new AtomicReference<>();
        codes.send(subject, "email", (code, expires) -> {
            sent.set(code);
            return new OutgoingMessage(Channel.EMAIL, subject.email(), "code", "code", null, null, null);
        });
        return sent.get();
    }

    /** Find the login's newest code, compare, and consume it: {@link OneTimeCodes#verify}. */
    public Verification verify(FactorSubject subject, String code) {
        return codes.verify(subject, "email", code);
    }
}
