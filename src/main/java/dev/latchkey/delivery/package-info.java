/**
 * Delivery of emails and SMS through a persistent outbox (F-CODE-4): a request only inserts a row; a worker on any node
 * claims due rows, sends them, retries failures with back-off, and never loses a message across a restart (see
 * docs/adr/0004-outbox-delivery.md). {@link dev.latchkey.delivery.Emails} queues an email whose texts come from the
 * message bundle.
 *
 * <p>Public API: {@link dev.latchkey.delivery.Outbox} with {@link dev.latchkey.delivery.OutgoingMessage},
 * {@link dev.latchkey.delivery.Channel} and {@link dev.latchkey.delivery.DeliveryStatus};
 * {@link dev.latchkey.delivery.Emails}; events {@link dev.latchkey.delivery.MessageSent} and
 * {@link dev.latchkey.delivery.DeliveryFailed}. Named interface {@code delivery::sms} (package {@code sms}); the
 * package {@code dev} (the demo's mail server and dev inbox) is internal.
 */
@ApplicationModule(allowedDependencies = {"shared", "shared::crypto", "shared::web"})
package dev.latchkey.delivery;

import org.springframework.modulith.ApplicationModule;
