/**
 * Delivery of emails and SMS through a persistent outbox (F-CODE-4): a request only inserts a row; a worker on any
 * node claims due rows, sends them, retries failures with back-off, and never loses a message across a restart.
 * Also the embedded dev mail server and the dev inbox of the demo run. Public API: {@link
 * dev.latchkey.delivery.Outbox}, {@link dev.latchkey.delivery.OutgoingMessage}, {@link
 * dev.latchkey.delivery.DeliveryStatus}, events {@link dev.latchkey.delivery.MessageSent} and {@link
 * dev.latchkey.delivery.DeliveryFailed}.
 */
package dev.latchkey.delivery;
