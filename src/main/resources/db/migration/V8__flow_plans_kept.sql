-- The flow's batch functions keep one plan per statement per connection. Their statements read
-- array arguments (unnest), whose length a custom plan knows and a generic plan does not, so the
-- plan cache judged the custom plan cheaper and planned those statements again on every call:
-- pg_stat_statements (track = all, track_planning) counted one planning per call for the three of
-- them, 0.2-0.35 ms each, several times what running them took. The generic plans read the same
-- indexes; the argument arrays are a batch (tens of rows at most), never a table's worth.
ALTER FUNCTION apply_stock_events(uuid, integer[], uuid[], text[], boolean[], integer[], timestamptz[], text[],
                                  text[], text[], text[])
  SET plan_cache_mode = force_generic_plan;
ALTER FUNCTION settle_pushes(uuid, uuid, uuid[], integer[], bigint[], text[], text[], text[], uuid[], jsonb[],
                             text[])
  SET plan_cache_mode = force_generic_plan;
