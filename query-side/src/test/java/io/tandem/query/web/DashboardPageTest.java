package io.tandem.query.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@QuerySideTest
class DashboardPageTest {

    private static final Pattern SOURCES = Pattern.compile("(?:src|href)=\"(/[^\"]+)\"");

    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    @Test
    void thePageLoadsWithoutSignInUnderAStrictContentSecurityPolicy() {
        Api.Response page = api.get("/");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.header("Content-Security-Policy"))
                .contains("script-src 'self'", "connect-src 'self'", "frame-ancestors 'none'")
                .doesNotContain("unsafe-inline", "unsafe-eval");
        assertThat(page.text()).contains("data-testid=\"sign-in-username\"", "data-testid=\"product-picker\"",
                "data-testid=\"roadmap-now\"", "data-testid=\"backlog-list\"", "data-testid=\"decision-feed\"",
                "data-testid=\"dashboard-version\"", "data-testid=\"presence\"");
        assertThat(page.text()).as("no inline event handlers or inline scripts")
                .doesNotContainPattern("\\son[a-z]+=")
                .doesNotContainPattern("<script(?![^>]*\\ssrc=)[^>]*>");
    }

    @Test
    void everyScriptStylesheetAndLibraryThePageUsesIsServedWithoutSignIn() {
        List<String> sources = new ArrayList<>();
        Matcher matcher = SOURCES.matcher(api.get("/").text());
        while (matcher.find()) {
            sources.add(matcher.group(1));
        }
        sources.addAll(List.of("/assets/api.js", "/assets/live.js", "/assets/render.js", "/assets/trend.js",
                "/assets/feed.js", "/assets/favicon.svg"));

        assertThat(sources).contains("/webjars/stomp__stompjs/7.0.0/bundles/stomp.umd.min.js",
                "/webjars/chart.js/4.4.1/dist/chart.umd.js", "/assets/app.js", "/assets/tandem.css");
        for (String source : sources) {
            Api.Response response = api.get(source);
            assertThat(response.status()).as(source).isEqualTo(200);
            assertThat(response.text()).as(source).isNotBlank();
        }
    }

    @Test
    void theQueryApiIsDescribedWithOpenApi() {
        Api.Response docs = api.get("/v3/api-docs");

        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().get("paths").fieldNames()).toIterable().contains("/api/products",
                "/api/products/{productId}/dashboard", "/api/products/{productId}/decisions",
                "/api/products/{productId}/items/{itemId}/timeline");
        assertThat(docs.json().at("/paths/~1api~1products~1{productId}~1decisions/get/responses/400").isMissingNode())
                .as("the decision log documents its 400 problem").isFalse();
    }
}
