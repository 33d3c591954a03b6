package io.tandem.support.testing;

import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropagationMode;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

/**
 * Ten times a property's tries in the heavy reliability run ({@code -Dtandem.reliability.heavy=true}); shared by the
 * services' fuzz tests through service-support's test jar.
 */
public class HeavyRuns implements AroundPropertyHook {

    public static final boolean HEAVY = Boolean.getBoolean("tandem.reliability.heavy");

    /** Added to a test class, it reaches the class's properties. */
    @Override
    public PropagationMode propagateTo() {
        return PropagationMode.ALL_DESCENDANTS;
    }

    @Override
    public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
        if (HEAVY) {
            context.attributes().tries().ifPresent(tries -> context.attributes().setTries(tries * 10));
        }
        return property.execute();
    }
}
