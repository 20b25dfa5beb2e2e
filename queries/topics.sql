-- Topics in display order, with whether 別紙1 publishes any figure for them.
select topic_code, label_ja, label_en, sort_order, heading_printed, has_figures
from topics
order by sort_order
