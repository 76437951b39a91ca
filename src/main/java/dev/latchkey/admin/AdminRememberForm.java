package dev.latchkey.admin;

/** F-DEVICE: how many days the admin site remembers a browser, as posted by Login &amp; Security (0: off). */
record AdminRememberForm(Integer rememberDays) {}
