package io.tandem.command.demo;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The ids of what the demo story creates: UUIDs derived from readable names, so the chapters can refer to each
 * other's items and every seeded store holds the same ids.
 */
final class DemoIds {

    static final String PRODUCT = of("product/tandem-checkout");

    static final String OBJ_CONVERSION = of("objective/conversion");
    static final String OBJ_MARKETS = of("objective/markets");
    static final String OBJ_TRUST = of("objective/trust");

    static final String RM_ONE_CLICK = of("roadmap/one-click");
    static final String RM_ADDRESS = of("roadmap/address-autocomplete");
    static final String RM_LOCAL_PAYMENTS = of("roadmap/local-payments");
    static final String RM_3DS2 = of("roadmap/3ds2");
    static final String RM_GUEST = of("roadmap/guest-checkout");
    static final String RM_PAY_LATER = of("roadmap/pay-later");

    static final String BL_CARD_TOKEN = of("backlog/card-token");
    static final String BL_PAY_BUTTON = of("backlog/pay-button");
    static final String BL_NETWORK_TOKENS = of("backlog/network-tokens");
    static final String BL_ADDRESS_LOOKUP = of("backlog/address-lookup");
    static final String BL_ADDRESS_A11Y = of("backlog/address-a11y");
    static final String BL_CARD_FORM_BUG = of("backlog/card-form-bug");
    static final String BL_IDEAL = of("backlog/ideal");
    static final String BL_BLIK = of("backlog/blik");
    static final String BL_EXEMPTIONS = of("backlog/3ds-exemptions");
    static final String BL_SDK_UPGRADE = of("backlog/sdk-upgrade");
    static final String BL_ROUNDING_BUG = of("backlog/rounding-bug");
    static final String BL_PAY_LATER_SPIKE = of("backlog/pay-later-spike");
    static final String BL_V1_FLAGS = of("backlog/v1-flags");
    static final String BL_IDEAL_REFUNDS = of("backlog/ideal-refunds");
    static final String BL_GUEST_CONFIRMATION = of("backlog/guest-confirmation");

    static final String FB_CARD_FORM = of("feedback/card-form");
    static final String FB_IDEAL = of("feedback/ideal");
    static final String FB_RETYPING = of("feedback/retyping-card");
    static final String FB_ADDRESS_TYPO = of("feedback/address-typo");
    static final String FB_DARK_MODE = of("feedback/dark-mode");
    static final String FB_CARD_FORM_IPHONE = of("feedback/card-form-iphone");
    static final String FB_BLIK = of("feedback/blik");
    static final String FB_PAY_LATER = of("feedback/pay-later");
    static final String FB_NEW_STREETS = of("feedback/new-streets");
    static final String FB_ROUNDING = of("feedback/rounding");
    static final String FB_3DS_SMS = of("feedback/3ds-sms");
    static final String FB_SLOW_3G = of("feedback/slow-3g");
    static final String FB_GUEST_BUYERS = of("feedback/guest-buyers");
    static final String FB_EARLY_CONFIRMATION = of("feedback/early-confirmation");

    private DemoIds() {
    }

    /** A stable id for a named thing of the story. */
    static String of(String name) {
        return UUID.nameUUIDFromBytes(("tandem-demo/" + name).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
