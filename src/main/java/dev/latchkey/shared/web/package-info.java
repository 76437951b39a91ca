/**
 * Web plumbing shared by every module's pages (named interface {@code shared::web}): bad input and not found as a clear
 * 4xx ({@link dev.latchkey.shared.web.BadInputException}, {@link dev.latchkey.shared.web.NotFoundException},
 * {@link dev.latchkey.shared.web.ErrorPage}), a request the server cannot take now as 429
 * ({@link dev.latchkey.shared.web.TooBusyException}, {@link dev.latchkey.shared.web.RetryAfter}), the client of a
 * request ({@link dev.latchkey.shared.web.ClientInfo}, {@link dev.latchkey.shared.web.BrowserSummary}), times as pages
 * show them ({@link dev.latchkey.shared.web.ReadableTime}), search text ({@link dev.latchkey.shared.web.SearchText})
 * and the page languages ({@link dev.latchkey.shared.web.Languages}). Forms: the first problem of a form checked by
 * Bean Validation ({@link dev.latchkey.shared.web.FormProblems}) and the constraints several modules' forms share
 * ({@link dev.latchkey.shared.web.NoControlCharacters}, {@link dev.latchkey.shared.web.StrippedSize},
 * {@link dev.latchkey.shared.web.StrippedPattern}). The request-id and unreadable-request filters, the layout advice
 * and the language switcher stay internal.
 */
@NamedInterface("web")
package dev.latchkey.shared.web;

import org.springframework.modulith.NamedInterface;
