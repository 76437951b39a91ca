package dev.latchkey.shared.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.ModelAndView;

/** The friendly error page ({@code templates/error.html}) with a status and the message to show. */
public final class ErrorPage {

    private ErrorPage() {}

    public static ModelAndView of(HttpStatus status, String messageKey) {
        ModelAndView view = new ModelAndView("error");
        view.setStatus(status);
        view.addObject("status", status.value());
        view.addObject("messageKey", messageKey);
        return view;
    }
}
