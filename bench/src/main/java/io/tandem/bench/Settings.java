package io.tandem.bench;

/**
 * Sizes of the end-to-end benchmarks that are not on the command line, from environment variables:
 * {@code BENCH_PRODUCTS}, {@code BENCH_SECONDS} (the measured run), {@code BENCH_WARMUP} (seconds before it),
 * {@code BENCH_CLIENT_WARMUP} (seconds more before the commands benchmark's first phase).
 */
final class Settings {

    private Settings() {
    }

    static int integer(String variable, int otherwise) {
        String value = System.getenv(variable);
        return value == null || value.isBlank() ? otherwise : Integer.parseInt(value.strip());
    }

    static int products(int otherwise) {
        return integer("BENCH_PRODUCTS", otherwise);
    }

    static int seconds(int otherwise) {
        return integer("BENCH_SECONDS", otherwise);
    }

    static int warmUp(int otherwise) {
        return integer("BENCH_WARMUP", otherwise);
    }

    static int clientWarmUp(int otherwise) {
        return integer("BENCH_CLIENT_WARMUP", otherwise);
    }
}
