/** The customer-facing pages: the list of portals and each portal's home (F-PORTAL-1). */
package dev.latchkey.portal;
