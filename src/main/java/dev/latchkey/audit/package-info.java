/**
 * Security events (F-ADMIN-5): listeners turn the other modules' past-tense events into rows; {@link
 * dev.latchkey.audit.AuditLog} reads them back. Events never carry passwords or codes.
 */
package dev.latchkey.audit;
