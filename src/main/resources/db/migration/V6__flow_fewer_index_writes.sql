-- Fewer index writes per sale. An update that changes no indexed column and finds room on its page
-- is a heap-only (HOT) update: no new entry in any index. channel_items rows are updated several
-- times per sale and per push (level reported, push started, push settled), and a new version that
-- does not fit on its page writes an entry into every one of the table's indexes, entries that then
-- have to be read past and vacuumed.

-- Room on each page for new versions (applies to pages written from now on).
ALTER TABLE channel_items SET (fillfactor = 50);

-- One unique index serves both "one item per product and channel" and the look-ups by product
-- (the other channels' items of a product that moved), so the separate product index goes.
ALTER TABLE channel_items DROP CONSTRAINT channel_items_product_key;
ALTER TABLE channel_items ADD CONSTRAINT channel_items_product_channel_key UNIQUE (product_id, channel_id);
DROP INDEX channel_items_product_idx;

-- The recovery sweep's rows (still 'received' after a while) are all in the tenant-keyed partial
-- index, a small set it can read whole. The time-ordered one was a further write per webhook, and
-- once statistics said few rows were pending, the planner chose it for the Watcher's per-tenant
-- claim too, reading every tenant's pending rows to find one tenant's.
DROP INDEX webhook_inbox_pending_idx;
