package io.tandem.query.live;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProductTopicTest {

    @Test
    void readsTheFourTopicsOfAProduct() {
        assertThat(ProductTopic.parse("/topic/products/p-1/dashboard"))
                .contains(new ProductTopic("p-1", ProductTopic.Kind.DASHBOARD));
        assertThat(ProductTopic.parse("/topic/products/p-1/decisions")).get()
                .extracting(ProductTopic::kind).isEqualTo(ProductTopic.Kind.DECISIONS);
        assertThat(ProductTopic.parse("/topic/products/p-1/alerts")).get()
                .extracting(ProductTopic::kind).isEqualTo(ProductTopic.Kind.ALERTS);
        assertThat(ProductTopic.parse("/topic/products/p-1/presence")).get()
                .extracting(ProductTopic::destination).isEqualTo("/topic/products/p-1/presence");
    }

    @Test
    void refusesEverythingElse() {
        assertThat(ProductTopic.parse(null)).isEmpty();
        assertThat(ProductTopic.parse("/topic/products/p-1/secrets")).isEmpty();
        assertThat(ProductTopic.parse("/topic/products/*/dashboard")).isEmpty();
        assertThat(ProductTopic.parse("/topic/products/p-1/dashboard/extra")).isEmpty();
        assertThat(ProductTopic.parse("/topic/products/../p-1/dashboard")).isEmpty();
        assertThat(ProductTopic.parse("/user/queue/errors")).isEmpty();
        assertThat(ProductTopic.parse("/topic/products/p-1/dashboard ")).isEmpty();
    }
}
