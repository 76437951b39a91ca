package dev.latchkey.api.accounts;

import dev.latchkey.accounts.AccountRefusedException;
import dev.latchkey.accounts.ContactRefusedException;
import dev.latchkey.accounts.StaleVersionException;
import dev.latchkey.api.ETags;
import dev.latchkey.shared.web.NotFoundException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Supplier;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * Turns what the accounts module refuses into the API's problems: a stale version 412, a conflict with other data 409
 * (with {@code reason}, e.g. {@code EMAIL_TAKEN}), an unknown account 400 on the field that named it, a row that is
 * gone 404. A unique index that a concurrent request filled first is a 409 as well. {@link #delete} is the DELETE of
 * accounts and contact persons.
 */
@Component
class Refusals {

    private final MessageSource messages;

    Refusals(MessageSource messages) {
        this.messages = messages;
    }

    <T> T translate(Supplier<T> change) {
        return translate(change, "accountId");
    }

    /** Runs {@code change}; {@code accountField} is the field blamed when the account does not exist. */
    <T> T translate(Supplier<T> change, String accountField) {
        try {
            return change.get();
        } catch (StaleVersionException ex) {
            throw ETags.stale();
        } catch (ContactRefusedException ex) {
            if (ex.reason() == ContactRefusedException.Reason.NO_SUCH_ACCOUNT) {
                throw problem(
                        HttpStatus.BAD_REQUEST,
                        text(ex.messageKey()),
                        ex.reason().name(),
                        List.of(Map.of("field", accountField, "message", "no such account")));
            }
            throw problem(
                    HttpStatus.CONFLICT, text(ex.messageKey()), ex.reason().name(), null);
        } catch (AccountRefusedException ex) {
            throw problem(
                    HttpStatus.CONFLICT, text(ex.messageKey()), ex.reason().name(), null);
        } catch (NoSuchElementException ex) {
            throw problem(HttpStatus.NOT_FOUND, "No such resource.", null, null);
        } catch (DataIntegrityViolationException ex) {
            throw problem(
                    HttpStatus.CONFLICT,
                    "The change conflicts with another one made at the same time; read the resource and retry.",
                    "CONFLICT",
                    null);
        }
    }

    /** A delete of the row with this id only at this version; false when there is no such row. */
    @FunctionalInterface
    interface VersionedDelete {
        boolean delete(long id, Long version);
    }

    /**
     * The DELETE of a row the caller found at {@code version}: {@code If-Match} checked against its ETag, then deleted
     * only at that version, so a change or delete in between is a 412 and changes nothing; what the module refuses as
     * problems; 204, or 404 when the row went meanwhile.
     */
    ResponseEntity<Void> delete(long id, long version, String ifMatch, VersionedDelete delete) {
        ETags.check(ifMatch, ETags.of(id, version));
        if (!translate(() -> delete.delete(id, version))) {
            throw new NotFoundException();
        }
        return ResponseEntity.noContent().build();
    }

    static ErrorResponseException problem(
            HttpStatus status, String detail, String reason, List<Map<String, String>> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        if (reason != null) {
            problem.setProperty("reason", reason);
        }
        if (errors != null) {
            problem.setProperty("errors", errors);
        }
        return new ErrorResponseException(status, problem, null);
    }

    private String text(String key) {
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage(key, null, key, locale);
    }
}
