package io.tandem.query.dashboard;

/** An objective of the product. */
record ObjectiveEntry(String id, String title, String successMetric, boolean retired) {

    ObjectiveEntry retire() {
        return new ObjectiveEntry(id, title, successMetric, true);
    }
}
