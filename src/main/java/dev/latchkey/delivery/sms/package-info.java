/**
 * SMS (F-CODE-4, F-ADMIN-4), named interface {@code delivery::sms}: the system-wide SMS settings (provider, Twilio
 * account, write-only secret encrypted at rest, from number), Twilio's official SDK as the sender, the demo's dev-inbox
 * sender, and the last delivery failure shown on System settings.
 *
 * <p>API: {@link dev.latchkey.delivery.sms.SmsSettings} with {@link dev.latchkey.delivery.sms.SmsSettingsView} and
 * {@link dev.latchkey.delivery.sms.SmsProvider}; {@link dev.latchkey.delivery.sms.SmsSenders} (the sender in force,
 * also for a test SMS) with {@link dev.latchkey.delivery.sms.SmsSender}; {@link dev.latchkey.delivery.sms.SmsFailures}
 * with {@link dev.latchkey.delivery.sms.SmsProblem}; event {@link dev.latchkey.delivery.sms.SmsSettingsChanged}.
 */
@NamedInterface("sms")
package dev.latchkey.delivery.sms;

import org.springframework.modulith.NamedInterface;
