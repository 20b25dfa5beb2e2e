-- Every indicator with its metadata and the years it covers, for the data & sources page.
select t.sort_order as topic_order, i.sort_order as indicator_order, i.topic_code, t.label_ja as topic_label_ja, t.label_en as topic_label_en, i.indicator_code, i.label_ja, i.label_en,
       i.title_ja, i.title_en, i.definition_ja, i.definition_en, i.unit, i.count_unit, i.source_ja, i.section_ja,
       i.printed_first_line, i.printed_last_line,
       string_agg(fy.label_ja || '：' || strftime(y.as_of, '%Y年%-m月%-d日') || '時点', '、' order by y.fiscal_year) as as_of_ja,
       string_agg(fy.label_en || ': ' || strftime(y.as_of, '%-d %B %Y'), '; ' order by y.fiscal_year) as as_of_en
from indicators i
join topics t using (topic_code)
left join indicator_years y using (indicator_code)
left join fiscal_years fy using (fiscal_year)
group by all
order by topic_order, indicator_order
