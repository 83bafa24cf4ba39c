-- The scorecard's period list asks for the partnership's distinct period ends of indicator totals, newest first.
-- A partial index on the totals alone (one row in thirteen at national scale: the rest are district breakdowns)
-- lets that query step from one period end to the next instead of reading every value of the partnership.
create index indicator_value_totals_period_idx on indicator_value (partnership_id, period_end)
    where breakdown_kind = '';
