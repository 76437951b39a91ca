package dev.latchkey.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.util.StringUtils;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Strict size limits on API request bodies (F-API-1): {@value #JSON_LIMIT} bytes, except the NDJSON stream of
 * {@code POST /api/v1/contacts/bulk}, {@value #BULK_LIMIT} bytes. A {@code Content-Length} over the limit is refused at
 * once; a body without one (chunked) or that lies is counted while it is read, and reading past the limit throws
 * {@link RequestBodyTooLarge}: 413 problem either way. A JSON body is parsed before anything is stored, so nothing is;
 * the bulk stream is written in batches, so the answer says what the batches before the limit wrote.
 */
final class RequestSizeLimit extends OncePerRequestFilter {

    static final long JSON_LIMIT = 64 * 1024;
    static final long BULK_LIMIT = 64L * 1024 * 1024;
    static final String BULK_PATH = "/api/v1/contacts/bulk";

    private static final Logger log = LoggerFactory.getLogger(RequestSizeLimit.class);

    private final ApiProblems problems;

    RequestSizeLimit(ApiProblems problems) {
        this.problems = problems;
    }

    static long limitOf(HttpServletRequest request) {
        boolean bulk = "POST".equals(request.getMethod())
                && BULK_PATH.equals(ApiProblems.path(request))
                && StringUtils.startsWithIgnoreCase(request.getContentType(), "application/x-ndjson");
        return bulk ? BULK_LIMIT : JSON_LIMIT;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = limitOf(request);
        if (request.getContentLengthLong() > limit) {
            log.info(
                    "API {} {} -> 413 (Content-Length {} over {})",
                    ApiProblems.loggedMethod(request),
                    ApiProblems.loggedPath(request),
                    request.getContentLengthLong(),
                    limit);
            problems.write(
                    request,
                    response,
                    ApiProblems.problem(HttpStatus.CONTENT_TOO_LARGE, new RequestBodyTooLarge(limit).getMessage()));
            return;
        }
        chain.doFilter(new Limited(request, limit), response);
    }

    /** The request with a body that cannot be read past {@code limit} bytes. */
    private static final class Limited extends HttpServletRequestWrapper {

        private final long limit;
        private ServletInputStream stream;
        private BufferedReader reader;

        Limited(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (reader != null) {
                throw new IllegalStateException("getReader() was called already");
            }
            if (stream == null) {
                stream = new CountingStream(super.getInputStream(), limit);
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            if (reader == null) {
                reader = new BufferedReader(new InputStreamReader(getInputStream(), charset()));
            }
            return reader;
        }

        /** The request's charset; UTF-8 when it names none or one this JVM does not know. */
        private Charset charset() {
            String encoding = getCharacterEncoding();
            try {
                return encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            } catch (IllegalArgumentException unknown) {
                return StandardCharsets.UTF_8;
            }
        }
    }

    private static final class CountingStream extends ServletInputStream {

        private final ServletInputStream in;
        private final long limit;
        private long count;

        CountingStream(ServletInputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        private void counted(int n) throws RequestBodyTooLarge {
            count += n;
            if (count > limit) {
                throw new RequestBodyTooLarge(limit);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
