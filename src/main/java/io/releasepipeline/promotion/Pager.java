package io.releasepipeline.promotion;

import io.releasepipeline.cloud.dataarts.Page;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;

/**
 * The one paging loop of the DataArts list operations ({@code offset} is a record offset, with {@code limit} and
 * {@code total}): its state lives in the exchange properties {@link #OFFSET} and {@link #MORE}, so a route holds one
 * page at a time however long the list is. A route starts it, asks for the page at {@code ${exchangeProperty.pageOffset}},
 * and loops while {@code ${exchangeProperty.morePages}}.
 */
public class Pager {

    public static final String OFFSET = "pageOffset";
    public static final String MORE = "morePages";
    /** Records asked for per page (the provider's maximum for both list operations). */
    public static final int PAGE = 100;

    public void start(Exchange exchange) {
        exchange.setProperty(OFFSET, 0);
        exchange.setProperty(MORE, true);
    }

    /** Moves past the page in the body and answers its records. An empty page, or the total reached, ends it. */
    public <T> List<T> advance(Exchange exchange) throws InvalidPayloadException {
        @SuppressWarnings("unchecked")
        Page<T> page = exchange.getMessage().getMandatoryBody(Page.class);
        List<T> records = page.data() == null ? List.of() : page.data();
        int offset = exchange.getProperty(OFFSET, 0, Integer.class) + records.size();
        exchange.setProperty(OFFSET, offset);
        exchange.setProperty(MORE, !records.isEmpty() && page.total() != null && offset < page.total());
        return records;
    }
}
