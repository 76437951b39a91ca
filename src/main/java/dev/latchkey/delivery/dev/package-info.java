/**
 * Demo run only ({@code latchkey.demo=true}): the embedded GreenMail SMTP server and the dev inbox at
 * {@code /dev/inbox}, which shows every email and SMS the server sent and answers only to a browser on the same
 * machine. Internal to {@code delivery}: no other module uses it.
 */
package dev.latchkey.delivery.dev;
