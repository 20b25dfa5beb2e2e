-- The groups one indicator publishes, labelled as printed, in display order.
-- $indicator_code
select ig.group_code, ig.label_ja_printed as label_ja, g.label_en, g.sort_order
from indicator_groups ig join groups g using (group_code)
where ig.indicator_code = $indicator_code
order by g.sort_order
