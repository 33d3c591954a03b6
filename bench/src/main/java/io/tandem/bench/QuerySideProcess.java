package io.tandem.bench;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** The query side as its own process on a store, signed in as the demo's pm, as the zero-setup run starts it. */
final class QuerySideProcess implements AutoCloseable {

    private final ServiceProcess process;
    private final TandemHttp http;

    private QuerySideProcess(ServiceProcess process) {
        this.process = process;
        this.http = new TandemHttp(process.baseUrl());
    }

    static QuerySideProcess start(Path jar, String storeUri, Path log) throws IOException {
        return new QuerySideProcess(ServiceProcess.service("query-side", jar, storeUri, List.of("-Xmx1g"), log));
    }

    void awaitReady(Duration timeout) throws Exception {
        process.awaitReady(timeout);
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.get("pm", path);
    }

    @Override
    public void close() throws InterruptedException {
        process.close();
    }
}
