package nl.classbridge.sandbox.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The REST side's plumbing: every route goes through {@link #answer}, which checks the bot token, applies
 * injected faults and the rate limits, adds the rate-limit headers JDA reads, maps {@link DiscordError}s
 * to Discord's error body, and records the call. Routes that are not implemented are logged and answered
 * 404.
 *
 * <p>Each route is served twice over: by Jetty directly ({@link #handler()}, a plain Jetty handler in front
 * of Javalin, for the JSON requests the bot makes, with no servlet layer in between), and by Javalin (for
 * multipart requests with attachments, and as the fallback). Both give a route the same {@link Request}
 * and answer through the same code, so they behave the same; the first is about three times cheaper per
 * request, which matters when the bot is measured with this server in the same process.
 */
final class RestApi {
    static final String BASE = "/api/v10/";

    private static final Logger LOG = LoggerFactory.getLogger(RestApi.class);

    /** A route's body: returns the JSON to answer with, or null for 204 No Content. */
    @FunctionalInterface
    interface Route {
        JsonNode handle(Request request);
    }

    /** A route as registered: its method, its template cut into segments ({@code {name}} for a parameter). */
    private record Registered(String method, String template, String[] segments, boolean needsBotToken, Route route) {}

    private final DiscordState state;
    private final Faults faults;
    private final RateLimits rateLimits;
    private final List<RestCall> calls = new ArrayList<>();
    private final List<Registered> registered = new ArrayList<>();
    /** The Authorization header the bot must send. */
    private final String tokenHeader;

    RestApi(DiscordState state, Faults faults, RateLimits rateLimits) {
        this.state = state;
        this.faults = faults;
        this.rateLimits = rateLimits;
        this.tokenHeader = "Bot " + state.token;
    }

    /** Adds a route; {@code template} uses JDA's route names, e.g. {@code channels/{channel_id}/messages}. */
    void route(RoutesConfig routes, HandlerType method, String template, boolean needsBotToken, Route route) {
        registered.add(new Registered(method.name(), template, template.split("/", -1), needsBotToken, route));
        routes.addHttpHandler(
                method,
                BASE + template,
                ctx -> answer(new JavalinExchange(ctx), method.name(), template, needsBotToken, route));
    }

    /** Must come after all routes: Javalin picks the first match, so these catch only what nothing else did. */
    void installFallback(RoutesConfig routes) {
        for (HandlerType method :
                List.of(HandlerType.GET, HandlerType.POST, HandlerType.PUT, HandlerType.PATCH, HandlerType.DELETE)) {
            routes.addHttpHandler(method, BASE + "<path>", ctx -> {
                String masked = mask(ctx.pathParam("path"));
                LOG.warn("Local Discord server: no route for {} {}", method, masked);
                finish(new JavalinExchange(ctx), method.name(), masked, 404, Json.error(0, "404: Not Found"));
            });
        }
    }

    /**
     * The Jetty handler that serves the registered routes without Javalin: JSON requests to a known route.
     * Anything else (multipart bodies, unknown routes, the gateway's websocket) goes on to Javalin.
     */
    Handler.Wrapper handler() {
        return new Handler.Wrapper() {
            @Override
            public boolean handle(org.eclipse.jetty.server.Request request, Response response, Callback callback)
                    throws Exception {
                String path = request.getHttpURI().getDecodedPath();
                if (path == null || !path.startsWith(BASE)) {
                    return super.handle(request, response, callback);
                }
                String contentType = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
                if (contentType != null && !contentType.startsWith("application/json")) {
                    return super.handle(request, response, callback); // multipart: Javalin reads it
                }
                String[] segments = path.substring(BASE.length()).split("/", -1);
                String method = request.getMethod();
                for (Registered route : registered) {
                    Map<String, String> params = match(route, method, segments);
                    if (params != null) {
                        answer(
                                new JettyExchange(request, response, callback, params),
                                method,
                                route.template(),
                                route.needsBotToken(),
                                route.route());
                        return true;
                    }
                }
                return super.handle(request, response, callback);
            }
        };
    }

    /** The path parameters when {@code segments} fit the route, else null. */
    private static Map<String, String> match(Registered route, String method, String[] segments) {
        if (!route.method().equals(method) || route.segments().length != segments.length) {
            return null;
        }
        Map<String, String> params = null;
        for (int i = 0; i < segments.length; i++) {
            String expected = route.segments()[i];
            if (expected.startsWith("{") && expected.endsWith("}")) {
                if (segments[i].isEmpty()) {
                    return null;
                }
                if (params == null) {
                    params = new java.util.HashMap<>(4);
                }
                params.put(expected.substring(1, expected.length() - 1), segments[i]);
            } else if (!expected.equals(segments[i])) {
                return null;
            }
        }
        return params == null ? Map.of() : params;
    }

    private void answer(Exchange exchange, String method, String template, boolean needsBotToken, Route route) {
        String authorization = exchange.header("Authorization");
        state.notePresented(
                authorization != null && authorization.startsWith("Bot ")
                        ? authorization.substring("Bot ".length())
                        : authorization);
        if (needsBotToken && !tokenHeader.equals(authorization)) {
            finish(exchange, method, template, 401, Json.error(0, "401: Unauthorized"));
            return;
        }
        Optional<Faults.Rule> fault = faults.take(method, template);
        if (fault.isPresent()) {
            answerFault(exchange, method, template, fault.get());
            return;
        }
        Request request = new Request(exchange, state.attachments, state.ids);
        RateLimits.Verdict verdict = rateLimits.admit(method, template, request::param);
        if (verdict.limited()) {
            answerLimited(exchange, method, template, verdict);
            return;
        }
        try {
            JsonNode body = route.handle(request);
            answer(exchange, method, template, body == null ? 204 : 200, body, verdict);
        } catch (DiscordError error) {
            answer(exchange, method, template, error.status, Json.error(error.code, error.getMessage()), verdict);
        }
    }

    private void answerFault(Exchange exchange, String method, String template, Faults.Rule fault) {
        if (fault.status() == 429) {
            double seconds = fault.retryAfterSeconds();
            exchange.header("Retry-After", Long.toString((long) Math.ceil(seconds)));
            exchange.header("X-RateLimit-Scope", "user");
            ObjectNode body = Json.object()
                    .put("message", "You are being rate limited.")
                    .put("retry_after", seconds)
                    .put("global", false);
            RateLimits.headers(exchange, Integer.toHexString(template.hashCode()), 50, 0, seconds);
            write(exchange, method, template, 429, body);
        } else {
            finish(
                    exchange,
                    method,
                    template,
                    fault.status(),
                    Json.error(0, fault.status() + ": Server error injected by the local server"));
        }
    }

    private void answerLimited(Exchange exchange, String method, String template, RateLimits.Verdict verdict) {
        exchange.header("Retry-After", Long.toString((long) Math.ceil(verdict.resetAfterSeconds())));
        exchange.header("X-RateLimit-Scope", verdict.global() ? "global" : "user");
        if (verdict.global()) {
            exchange.header("X-RateLimit-Global", "true");
        } else {
            verdict.writeHeaders(exchange);
        }
        ObjectNode body = Json.object()
                .put("message", "You are being rate limited.")
                .put("retry_after", verdict.resetAfterSeconds())
                .put("global", verdict.global());
        write(exchange, method, template, 429, body);
    }

    private void answer(
            Exchange exchange, String method, String template, int status, JsonNode body, RateLimits.Verdict verdict) {
        verdict.writeHeaders(exchange);
        write(exchange, method, template, status, body);
    }

    private void finish(Exchange exchange, String method, String route, int status, JsonNode body) {
        if (status != 429) {
            rateLimits.generous(route).writeHeaders(exchange);
        }
        write(exchange, method, route, status, body);
    }

    private void write(Exchange exchange, String method, String route, int status, JsonNode body) {
        // Without "Via" JDA takes a 429 for a Cloudflare ban and stalls every route.
        exchange.header("Via", "1.1 google");
        byte[] json = body == null ? null : Json.bytes(body);
        // Recorded before the answer leaves: a client that has its answer finds its call in calls().
        synchronized (calls) {
            calls.add(new RestCall(method, route, status, Instant.now()));
        }
        state.changed();
        exchange.send(status, json);
    }

    List<RestCall> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    /** Interaction and webhook tokens sit in paths; never log them. */
    static String mask(String path) {
        StringBuilder masked = new StringBuilder();
        for (String segment : path.split("/", -1)) {
            if (masked.length() > 0) {
                masked.append('/');
            }
            masked.append(segment.length() >= 32 ? "{token}" : segment);
        }
        return masked.toString();
    }

    /** One request and its answer, whichever layer carries it (Jetty directly, or Javalin). */
    interface Exchange {
        String header(String name);

        void header(String name, String value);

        String pathParam(String name);

        String queryParam(String name);

        /** The JSON body: plain, or the {@code payload_json} part of a multipart body. */
        String body();

        /** A multipart body's file parts by name ({@code files[0]} ...); none for a JSON body. */
        default Map<String, Attachments.Upload> files() {
            return Map.of();
        }

        /** Sends the answer; {@code json} null for none. */
        void send(int status, byte[] json);
    }

    private static final class JavalinExchange implements Exchange {
        private final Context ctx;

        JavalinExchange(Context ctx) {
            this.ctx = ctx;
        }

        @Override
        public String header(String name) {
            return ctx.header(name);
        }

        @Override
        public void header(String name, String value) {
            ctx.header(name, value);
        }

        @Override
        public String pathParam(String name) {
            return ctx.pathParam(name);
        }

        @Override
        public String queryParam(String name) {
            return ctx.queryParam(name);
        }

        @Override
        public String body() {
            return ctx.isMultipartFormData() ? ctx.formParam("payload_json") : ctx.body();
        }

        @Override
        public Map<String, Attachments.Upload> files() {
            if (!ctx.isMultipartFormData()) {
                return Map.of();
            }
            Map<String, Attachments.Upload> files = new java.util.HashMap<>();
            ctx.uploadedFileMap()
                    .forEach((name, uploaded) -> uploaded.stream()
                            .findFirst()
                            .ifPresent(file -> files.put(
                                    name,
                                    new Attachments.Upload(
                                            file.filename(), file.contentType(), file.contentAndClose(in -> {
                                                try {
                                                    return in.readAllBytes();
                                                } catch (java.io.IOException e) {
                                                    throw new java.io.UncheckedIOException(e);
                                                }
                                            })))));
            return files;
        }

        @Override
        public void send(int status, byte[] json) {
            ctx.status(status);
            if (json != null) {
                ctx.contentType("application/json");
                ctx.result(json);
            }
        }
    }

    /** Jetty's own request and response, for a route matched by {@link #handler()}. */
    private static final class JettyExchange implements Exchange {
        private final org.eclipse.jetty.server.Request request;
        private final Response response;
        private final Callback callback;
        private final Map<String, String> params;
        private Fields query;

        JettyExchange(
                org.eclipse.jetty.server.Request request,
                Response response,
                Callback callback,
                Map<String, String> params) {
            this.request = request;
            this.response = response;
            this.callback = callback;
            this.params = params;
        }

        @Override
        public String header(String name) {
            return request.getHeaders().get(name);
        }

        @Override
        public void header(String name, String value) {
            response.getHeaders().put(name, value);
        }

        @Override
        public String pathParam(String name) {
            String value = params.get(name);
            if (value == null) {
                throw new IllegalArgumentException("no path parameter " + name);
            }
            return value;
        }

        @Override
        public String queryParam(String name) {
            if (query == null) {
                query = org.eclipse.jetty.server.Request.extractQueryParameters(request, StandardCharsets.UTF_8);
            }
            return query.getValue(name);
        }

        @Override
        public String body() {
            try {
                return Content.Source.asString(request, StandardCharsets.UTF_8);
            } catch (java.io.IOException e) {
                throw new DiscordError(400, 50109, "The request body could not be read.");
            }
        }

        @Override
        public void send(int status, byte[] json) {
            response.setStatus(status);
            if (json == null) {
                response.write(true, org.eclipse.jetty.util.BufferUtil.EMPTY_BUFFER, callback);
                return;
            }
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, json.length);
            response.write(true, ByteBuffer.wrap(json), callback);
        }
    }

    /** What a route gets: path parameters, the JSON body (plain or the {@code payload_json} part). */
    static final class Request {
        private final Exchange exchange;
        private final Attachments attachments;
        private final Snowflakes ids;
        private JsonNode body;

        Request(Exchange exchange, Attachments attachments, Snowflakes ids) {
            this.exchange = exchange;
            this.attachments = attachments;
            this.ids = ids;
        }

        long id(String name) {
            try {
                return Long.parseUnsignedLong(exchange.pathParam(name));
            } catch (NumberFormatException e) {
                throw new DiscordError(400, 50035, "Invalid Form Body: " + name + " is not a snowflake");
            }
        }

        String param(String name) {
            return exchange.pathParam(name);
        }

        String query(String name) {
            return exchange.queryParam(name);
        }

        /** The JSON body; files sent with it are kept, and its attachments completed as Discord does. */
        JsonNode body() {
            if (body == null) {
                body = Json.parse(exchange.body());
                Map<String, Attachments.Upload> files = exchange.files();
                if (!files.isEmpty()) {
                    attachments.take(body, files, ids);
                }
            }
            return body;
        }
    }
}
