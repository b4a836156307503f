package io.releasepipeline.promotion;

import io.vertx.core.http.HttpServerRequest;
import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;

/**
 * A request whose body has not fully arrived within {@code webhook.body-timeout-ms} of its headers is answered 408
 * and its connection closed: a body sent one byte every few seconds no longer holds a connection (and a reading
 * buffer) open for ever. Our own handler, placed before platform-http's body handler on its Vert.x router: neither
 * camel-platform-http-vertx nor camel-main's server settings offer a body read timeout (only an overall size limit).
 */
final class WebhookBodyTimeout {

    private WebhookBodyTimeout() {
    }

    /** Installs the timeout on the webhook server's router (the context has started, so the server exists). */
    static void install(CamelContext context, int port, long timeoutMillis) {
        VertxPlatformHttpRouter router = VertxPlatformHttpRouter.lookup(context,
                VertxPlatformHttpRouter.getRouterNameFromPort(port));
        if (router == null) {
            throw new IllegalStateException("the webhook server on port " + port + " has no router to guard");
        }
        router.route().order(Integer.MIN_VALUE).handler(rc -> {
            HttpServerRequest request = rc.request();
            if (!request.isEnded()) {
                long timer = rc.vertx().setTimer(timeoutMillis, id -> {
                    if (!request.isEnded() && !rc.response().ended()) {
                        rc.response().setStatusCode(408).putHeader("Content-Type", "application/json")
                                .putHeader("Connection", "close")
                                .end("{\"error\":\"the request body did not arrive within webhook.body-timeout-ms\"}");
                        request.connection().close();
                    }
                });
                rc.addEndHandler(done -> rc.vertx().cancelTimer(timer));
            }
            rc.next();
        });
    }
}
