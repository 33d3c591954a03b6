package io.tandem.command.demo;

import static io.tandem.command.demo.DemoIds.BL_GUEST_CONFIRMATION;
import static io.tandem.command.demo.DemoIds.BL_PAY_BUTTON;
import static io.tandem.command.demo.DemoIds.BL_ROUNDING_BUG;
import static io.tandem.command.demo.DemoIds.FB_EARLY_CONFIRMATION;
import static io.tandem.command.demo.DemoIds.FB_GUEST_BUYERS;
import static io.tandem.command.demo.DemoIds.FB_SLOW_3G;
import static io.tandem.command.demo.DemoIds.PRODUCT;
import static io.tandem.command.demo.DemoIds.RM_GUEST;
import static io.tandem.command.demo.DemoIds.RM_LOCAL_PAYMENTS;
import static io.tandem.command.demo.DemoIds.RM_ONE_CLICK;
import static io.tandem.command.demo.Story.CONTRIBUTOR;
import static io.tandem.command.demo.Story.PM;
import static io.tandem.command.demo.Story.PO;

import io.tandem.command.productplan.AddBacklogItemCommand;
import io.tandem.command.productplan.ChangeRoadmapItemStatusCommand;
import io.tandem.command.productplan.CompleteBacklogItemCommand;
import io.tandem.command.productplan.ReprioritizeBacklogItemCommand;
import io.tandem.command.productplan.RescheduleRoadmapItemCommand;
import io.tandem.events.BacklogItemKind;
import io.tandem.events.FeedbackChannel;
import io.tandem.events.Horizon;
import io.tandem.events.RoadmapItemStatus;
import io.tandem.events.Urgency;

/**
 * The last week, after the second sync: what "changes since the last sync" shows. One-click ships, a bug jumps the
 * queue, guest checkout moves up, and new feedback waits in the inbox.
 */
final class SinceLastSyncChapter {

    private SinceLastSyncChapter() {
    }

    static void tell(Story story) {
        story.on(26, 9, 20).as(PO, new ReprioritizeBacklogItemCommand(PRODUCT, BL_ROUNDING_BUG, 1,
                "Finance found invoice totals one cent off in the month-end close; correct money beats new"
                        + " features.", null));
        story.decide(PO, "rounding-first", "Fix invoice rounding before more payment methods",
                "Cart and invoice round VAT per line and per total differently; every new payment method"
                        + " multiplies the mismatches finance has to reconcile.",
                "The rounding bug goes to the top; iDEAL work continues once one rounding rule is in place.",
                "iDEAL slips by about three days. Finance gets one rounding rule, documented in the invoice"
                        + " service.",
                BL_ROUNDING_BUG, RM_LOCAL_PAYMENTS);

        story.on(27, 9, 40).as(PO, new CompleteBacklogItemCommand(PRODUCT, BL_PAY_BUTTON, null));
        story.on(27, 10, 0).as(PM, new ChangeRoadmapItemStatusCommand(PRODUCT, RM_ONE_CLICK,
                RoadmapItemStatus.SHIPPED, null));
        story.on(27, 14, 30).feedback(CONTRIBUTOR, FB_SLOW_3G, FeedbackChannel.SURVEY, "cust-1888", Urgency.LOW,
                "Checkout feels slow on the train with a weak connection.");

        story.on(28, 9, 30).feedback(CONTRIBUTOR, FB_GUEST_BUYERS, FeedbackChannel.SALES_CALL, "cust-2502",
                Urgency.HIGH, "Marketplace pilot: their buyers must be able to pay as guests, without an account.");
        story.on(28, 11, 0).as(PM, new RescheduleRoadmapItemCommand(PRODUCT, RM_GUEST, Horizon.NEXT,
                "One-click has shipped, and the marketplace pilot (cust-2502) needs guest payment; the redesign"
                        + " is next in line.", null));
        story.linkFeedback(PO, FB_GUEST_BUYERS, RM_GUEST, "Guest checkout is on NEXT now.");
        story.on(28, 14, 0).as(PO, new AddBacklogItemCommand(PRODUCT, BL_GUEST_CONFIRMATION,
                "Guest checkout: order confirmation by e-mail only", BacklogItemKind.STORY, RM_GUEST, null, null));

        story.on(29, 16, 45).feedback(CONTRIBUTOR, FB_EARLY_CONFIRMATION, FeedbackChannel.EMAIL, "cust-1955",
                Urgency.MEDIUM, "The order confirmation arrived before the payment went through, and the customer"
                        + " thought she had paid twice.");
    }
}
