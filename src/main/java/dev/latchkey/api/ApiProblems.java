package dev.latchkey.api;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes an error of an API call as {@code application/problem+json} (RFC 9457): {@code type}, {@code title},
 * {@code status}, {@code detail}, {@code instance} (the path) and any extra members, such as {@code errors}. Everything
 * under {@code /api} answers errors this way: the exception resolver, the security chain's refusals and the error
 * dispatch all come here, so no API client ever gets an HTML page.
 */
@Component
class ApiProblems {

    static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;

    private static final int MAX_LOGGED_SEGMENT = 40;

    private final JsonMapper json;

    ApiProblems(JsonMapper json) {
        this.json = json;
    }

    /** Whether a request (or the request an error dispatch is about) is an API call. */
    static boolean isApi(HttpServletRequest request) {
        return isApiPath(path(request));
    }

    static boolean isApiPath(String path) {
        return path.equals("/api") || path.startsWith("/api/");
    }

    /** The path of the request, or of the request that failed on an error dispatch; without the query. */
    static String path(HttpServletRequest request) {
        Object failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String uri = failed instanceof String s ? s : request.getRequestURI();
        String context = request.getContextPath();
        return uri.startsWith(context) ? uri.substring(context.length()) : uri;
    }

    /** The path as log lines show it: long segments (tokens, keys) cut, no control characters, at most 200. */
    static String loggedPath(HttpServletRequest request) {
        String path = Arrays.stream(path(request).split("/", -1))
                .map(segment -> segment.length() > MAX_LOGGED_SEGMENT ? "…" : segment)
                .collect(Collectors.joining("/"))
                .replaceAll("\\p{Cntrl}", "?");
        return path.length() <= 200 ? path : path.substring(0, 200) + "…";
    }

    static String loggedMethod(HttpServletRequest request) {
        String method = request.getMethod() == null ? "" : request.getMethod().replaceAll("\\p{Cntrl}", "?");
        return method.length() <= 16 ? method : method.substring(0, 16) + "…";
    }

    static ProblemDetail problem(HttpStatusCode status, String detail) {
        return ProblemDetail.forStatusAndDetail(status, detail);
    }

    /** Writes {@code problem} unless the response is already committed (then the client has its answer). */
    void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(problem.getStatus());
        response.setContentType(PROBLEM_JSON.toString());
        response.setCharacterEncoding("UTF-8");
        // bytes, not writeValue(stream): Jackson would close the stream, which ends the response before the caller's
        // audit row is written
        byte[] bytes = json.writeValueAsBytes(body(request, problem));
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    private static Map<String, Object> body(HttpServletRequest request, ProblemDetail problem) {
        Map<String, Object> body = new LinkedHashMap<>();
        URI type = problem.getType();
        body.put("type", type == null ? "about:blank" : type.toString());
        HttpStatus status = HttpStatus.resolve(problem.getStatus());
        String title =
                problem.getTitle() != null ? problem.getTitle() : status != null ? status.getReasonPhrase() : "Error";
        body.put("title", title);
        body.put("status", problem.getStatus());
        if (problem.getDetail() != null) {
            body.put("detail", problem.getDetail());
        }
        body.put("instance", path(request));
        if (problem.getProperties() != null) {
            problem.getProperties().forEach(body::putIfAbsent);
        }
        return body;
    }
}
