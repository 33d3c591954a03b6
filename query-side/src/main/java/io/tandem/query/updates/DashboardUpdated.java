package io.tandem.query.updates;

import io.tandem.query.dashboard.DashboardView;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A product's dashboard changed. The full view ({@link #dashboard}) is rendered when first asked for, not when the
 * change is announced: the live push sends at most a few views of a product a second whatever the rate of its events,
 * so rendering every changed state (as this used to) was wasted on all but the last one in each interval.
 */
public final class DashboardUpdated {

    private final String productId;
    private final long version;
    private final Instant since;
    private Supplier<DashboardView> render;
    private DashboardView view;

    private DashboardUpdated(String productId, long version, Instant since, Supplier<DashboardView> render) {
        this.productId = Objects.requireNonNull(productId, "productId");
        this.version = version;
        this.since = since;
        this.render = Objects.requireNonNull(render, "render");
    }

    /** A change whose view is already rendered. */
    public static DashboardUpdated of(DashboardView view) {
        DashboardUpdated update = new DashboardUpdated(view.productId(), view.version(), view.updatedAt(), () -> view);
        update.dashboard();
        return update;
    }

    /**
     * A change to the given version of the product's dashboard, carrying events since {@code since} (the oldest one
     * not announced before), rendered by {@code render} on the first call of {@link #dashboard} (which must render
     * that version).
     */
    public static DashboardUpdated rendering(String productId, long version, Instant since,
                                             Supplier<DashboardView> render) {
        return new DashboardUpdated(productId, version, since, render);
    }

    public String productId() {
        return productId;
    }

    /** The version of the changed dashboard. */
    public long version() {
        return version;
    }

    /**
     * When the oldest event this change carries, and no earlier change announced, happened: where the push latency
     * starts.
     */
    public Instant since() {
        return since;
    }

    /** The full view, rendered once on the first call. */
    public synchronized DashboardView dashboard() {
        if (view == null) {
            view = render.get();
            render = null;
        }
        return view;
    }

    @Override
    public String toString() {
        return "DashboardUpdated[" + productId + "@" + version + "]";
    }
}
