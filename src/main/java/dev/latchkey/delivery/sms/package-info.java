/**
 * SMS (F-CODE-4, F-ADMIN-4): the system-wide SMS settings (Twilio account, write-only secret encrypted at rest,
 * from number), Twilio's official SDK as the sender, and the dev sender of the demo run. Public API: {@link
 * dev.latchkey.delivery.sms.SmsSettings}.
 */
package dev.latchkey.delivery.sms;
