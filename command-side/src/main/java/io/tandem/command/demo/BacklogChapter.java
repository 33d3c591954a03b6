package io.tandem.command.demo;

import static io.tandem.command.demo.DemoIds.BL_ADDRESS_A11Y;
import static io.tandem.command.demo.DemoIds.BL_ADDRESS_LOOKUP;
import static io.tandem.command.demo.DemoIds.BL_BLIK;
import static io.tandem.command.demo.DemoIds.BL_CARD_FORM_BUG;
import static io.tandem.command.demo.DemoIds.BL_CARD_TOKEN;
import static io.tandem.command.demo.DemoIds.BL_EXEMPTIONS;
import static io.tandem.command.demo.DemoIds.BL_IDEAL;
import static io.tandem.command.demo.DemoIds.BL_NETWORK_TOKENS;
import static io.tandem.command.demo.DemoIds.BL_PAY_BUTTON;
import static io.tandem.command.demo.DemoIds.BL_PAY_LATER_SPIKE;
import static io.tandem.command.demo.DemoIds.BL_ROUNDING_BUG;
import static io.tandem.command.demo.DemoIds.BL_SDK_UPGRADE;
import static io.tandem.command.demo.DemoIds.BL_V1_FLAGS;
import static io.tandem.command.demo.DemoIds.FB_CARD_FORM;
import static io.tandem.command.demo.DemoIds.FB_IDEAL;
import static io.tandem.command.demo.DemoIds.PRODUCT;
import static io.tandem.command.demo.DemoIds.RM_3DS2;
import static io.tandem.command.demo.DemoIds.RM_ADDRESS;
import static io.tandem.command.demo.DemoIds.RM_LOCAL_PAYMENTS;
import static io.tandem.command.demo.DemoIds.RM_ONE_CLICK;
import static io.tandem.command.demo.DemoIds.RM_PAY_LATER;
import static io.tandem.command.demo.Story.CONTRIBUTOR;
import static io.tandem.command.demo.Story.PO;
import static io.tandem.events.BacklogItemKind.BUG;
import static io.tandem.events.BacklogItemKind.CHORE;
import static io.tandem.events.BacklogItemKind.SPIKE;
import static io.tandem.events.BacklogItemKind.STORY;

import io.tandem.command.productplan.AddBacklogItemCommand;
import io.tandem.command.productplan.LinkBacklogItemCommand;
import io.tandem.command.productplan.ReprioritizeBacklogItemCommand;
import io.tandem.events.BacklogItemKind;
import io.tandem.events.FeedbackChannel;
import io.tandem.events.Urgency;

/** Week 1, Wednesday to Friday: the PO fills the backlog, and the first customer voices arrive. */
final class BacklogChapter {

    private BacklogChapter() {
    }

    static void tell(Story story) {
        story.on(2, 9, 40);
        add(story, BL_CARD_TOKEN, "Save the card token after the first successful payment", STORY, RM_ONE_CLICK);
        add(story, BL_PAY_BUTTON, "\"Pay now\" button on the order summary for returning customers", STORY,
                RM_ONE_CLICK);
        add(story, BL_NETWORK_TOKENS, "Spike: network tokens with our payment provider", SPIKE, RM_ONE_CLICK);
        add(story, BL_ADDRESS_LOOKUP, "Integrate the address lookup API", STORY, RM_ADDRESS);
        add(story, BL_ADDRESS_A11Y, "Keyboard and screen-reader support for address suggestions", STORY,
                RM_ADDRESS);
        add(story, BL_CARD_FORM_BUG, "Card form clears its fields on back navigation", BUG, null);
        story.on(2, 11, 15);
        add(story, BL_IDEAL, "iDEAL payments through the provider's redirect", STORY, RM_LOCAL_PAYMENTS);
        add(story, BL_BLIK, "BLIK six-digit code entry", STORY, RM_LOCAL_PAYMENTS);
        add(story, BL_EXEMPTIONS, "Spike: 3DS2 exemptions for low-value and trusted payees", SPIKE, RM_3DS2);
        add(story, BL_SDK_UPGRADE, "Upgrade the payment provider SDK to v5", CHORE, null);
        add(story, BL_ROUNDING_BUG, "Invoice total differs from the charged amount by rounding", BUG, null);
        add(story, BL_PAY_LATER_SPIKE, "Spike: compare pay-later providers", SPIKE, RM_PAY_LATER);
        add(story, BL_V1_FLAGS, "Remove the checkout v1 feature flags", CHORE, null);

        story.on(2, 15, 10).feedback(CONTRIBUTOR, FB_CARD_FORM, FeedbackChannel.SUPPORT_TICKET, "cust-1042",
                Urgency.HIGH, "Customer had to enter her card three times on her phone: going back to fix the"
                        + " address emptied the card form each time.");

        story.on(3, 9, 20).linkFeedback(PO, FB_CARD_FORM, BL_CARD_FORM_BUG,
                "Confirms the card-form bug we already had in the backlog.");
        story.as(PO, new LinkBacklogItemCommand(PRODUCT, BL_CARD_FORM_BUG, RM_ONE_CLICK, null));
        story.as(PO, new ReprioritizeBacklogItemCommand(PRODUCT, BL_CARD_FORM_BUG, 1,
                "Losing card input hits about 3% of mobile sessions; one-click builds on this form, so fix it"
                        + " first.", null));
        story.on(3, 10, 0).decide(PO, "fix-card-form-first", "Fix the card-form data loss before one-click work",
                "Support reports customers re-entering card details; one-click reuses the same form component.",
                "The card-form bug goes to the top of the backlog and blocks the one-click stories.",
                "One-click starts about two days later; no new work is built on a form we know is broken.",
                BL_CARD_FORM_BUG, RM_ONE_CLICK);

        story.on(4, 11, 0).feedback(CONTRIBUTOR, FB_IDEAL, FeedbackChannel.SALES_CALL, "cust-2210",
                Urgency.CRITICAL, "Prospect in Rotterdam will not sign without iDEAL: about 70% of their buyers"
                        + " pay that way.");
    }

    private static void add(Story story, String id, String title, BacklogItemKind kind, String roadmapItemId) {
        story.as(PO, new AddBacklogItemCommand(PRODUCT, id, title, kind, roadmapItemId, null, null));
    }
}
