package nl.classbridge.sandbox.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The REST side's plumbing: every route goes through {@link #route}, which checks the bot token, applies
 * injected faults, adds the rate-limit headers JDA reads, maps {@link DiscordError}s to Discord's error
 * body, and records the call. Routes that are not implemented are logged and answered 404.
 */
final class RestApi {
    static final String BASE = "/api/v10/";

    private static final Logger LOG = LoggerFactory.getLogger(RestApi.class);

    /** A route's body: returns the JSON to answer with, or null for 204 No Content. */
    @FunctionalInterface
    interface Route {
        JsonNode handle(Request request);
    }

    private final DiscordState state;
    private final Faults faults;
    private final List<RestCall> calls = new ArrayList<>();

    RestApi(DiscordState state, Faults faults) {
        this.state = state;
        this.faults = faults;
    }

    /** Adds a route; {@code template} uses JDA's route names, e.g. {@code channels/{channel_id}/messages}. */
    void route(RoutesConfig routes, HandlerType method, String template, boolean needsBotToken, Route route) {
        routes.addHttpHandler(method, BASE + template, ctx -> answer(ctx, method.name(), template, needsBotToken, route));
    }

    /** Must come after all routes: Javalin picks the first match, so these catch only what nothing else did. */
    void installFallback(RoutesConfig routes) {
        for (HandlerType method : List.of(HandlerType.GET, HandlerType.POST, HandlerType.PUT, HandlerType.PATCH,
                HandlerType.DELETE)) {
            routes.addHttpHandler(method, BASE + "<path>", ctx -> {
                String masked = mask(ctx.pathParam("path"));
                LOG.warn("Local Discord server: no route for {} {}", method, masked);
                finish(ctx, method.name(), masked, 404, Json.error(0, "404: Not Found"));
            });
        }
    }

    private void answer(Context ctx, String method, String template, boolean needsBotToken, Route route) {
        String authorization = ctx.header("Authorization");
        state.notePresented(authorization != null && authorization.startsWith("Bot ")
                ? authorization.substring("Bot ".length()) : authorization);
        if (needsBotToken && !("Bot " + state.token).equals(ctx.header("Authorization"))) {
            finish(ctx, method, template, 401, Json.error(0, "401: Unauthorized"));
            return;
        }
        Optional<Faults.Rule> fault = faults.take(method, template);
        if (fault.isPresent()) {
            answerFault(ctx, method, template, fault.get());
            return;
        }
        try {
            JsonNode body = route.handle(new Request(ctx));
            finish(ctx, method, template, body == null ? 204 : 200, body);
        } catch (DiscordError error) {
            finish(ctx, method, template, error.status, Json.error(error.code, error.getMessage()));
        }
    }

    private void answerFault(Context ctx, String method, String template, Faults.Rule fault) {
        if (fault.status() == 429) {
            double seconds = fault.retryAfterSeconds();
            ctx.header("Retry-After", Long.toString((long) Math.ceil(seconds)));
            ctx.header("X-RateLimit-Scope", "user");
            ObjectNode body = Json.object().put("message", "You are being rate limited.")
                    .put("retry_after", seconds).put("global", false);
            rateLimitHeaders(ctx, template, 0, seconds);
            write(ctx, method, template, 429, body);
        } else {
            finish(ctx, method, template, fault.status(),
                    Json.error(0, fault.status() + ": Server error injected by the local server"));
        }
    }

    private void finish(Context ctx, String method, String route, int status, JsonNode body) {
        if (status != 429) {
            // Generous: a real bucket would count down; the bot's own pacing is what the tests look at.
            rateLimitHeaders(ctx, route, 49, 1.0);
        }
        write(ctx, method, route, status, body);
    }

    private void write(Context ctx, String method, String route, int status, JsonNode body) {
        // Without "Via" JDA takes a 429 for a Cloudflare ban and stalls every route.
        ctx.header("Via", "1.1 google");
        ctx.status(status);
        if (body != null) {
            ctx.contentType("application/json");
            ctx.result(Json.write(body));
        }
        synchronized (calls) {
            calls.add(new RestCall(method, route, status, Instant.now()));
        }
        state.changed();
    }

    private static void rateLimitHeaders(Context ctx, String route, int remaining, double resetAfterSeconds) {
        double reset = System.currentTimeMillis() / 1000.0 + resetAfterSeconds;
        ctx.header("X-RateLimit-Bucket", Integer.toHexString(route.hashCode()));
        ctx.header("X-RateLimit-Limit", "50");
        ctx.header("X-RateLimit-Remaining", Integer.toString(remaining));
        ctx.header("X-RateLimit-Reset", String.format(Locale.ROOT, "%.3f", reset));
        ctx.header("X-RateLimit-Reset-After", String.format(Locale.ROOT, "%.3f", resetAfterSeconds));
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

    /** What a route gets: path parameters, the JSON body (plain or the {@code payload_json} part). */
    static final class Request {
        final Context ctx;
        private JsonNode body;

        Request(Context ctx) {
            this.ctx = ctx;
        }

        long id(String name) {
            try {
                return Long.parseUnsignedLong(ctx.pathParam(name));
            } catch (NumberFormatException e) {
                throw new DiscordError(400, 50035, "Invalid Form Body: " + name + " is not a snowflake");
            }
        }

        String param(String name) {
            return ctx.pathParam(name);
        }

        String query(String name) {
            return ctx.queryParam(name);
        }

        JsonNode body() {
            if (body == null) {
                body = ctx.isMultipartFormData() ? Json.parse(ctx.formParam("payload_json")) : Json.parse(ctx.body());
            }
            return body;
        }
    }
}
