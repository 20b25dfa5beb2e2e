-- The benchmarkable items (one per answer a municipality gives), with their indicator, breakdown and topic, in display order.
select b.item_code, b.kind, b.indicator_code, b.breakdown_code, b.label_ja, b.label_en, b.yes_label_ja, b.no_label_ja,
       b.yes_label_en, b.no_label_en, b.sort_order, i.topic_code, t.label_ja as topic_label_ja, t.label_en as topic_label_en,
       t.sort_order as topic_order
from benchmark_items b
join indicators i using (indicator_code)
join topics t using (topic_code)
order by b.sort_order
