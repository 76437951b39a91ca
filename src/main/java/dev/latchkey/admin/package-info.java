/** The admin site's pages. Calls other modules' APIs, never their repositories. */
package dev.latchkey.admin;
