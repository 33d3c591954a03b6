package io.tandem.query.readmodel;

/**
 * Which copy of a processor's read model answers queries ({@code serving}) and which one its projections write
 * ({@code writing}). They differ only while the read model is rebuilt into a fresh copy.
 */
record Generation(int serving, int writing) {

    static final Generation INITIAL = new Generation(0, 0);

    boolean rebuilding() {
        return serving != writing;
    }
}
