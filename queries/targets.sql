-- Numeric targets of 別紙3 and the body text, with the indicator they can be measured against (if any).
select target_code, topic_code, label_ja, label_en, printed_value, target_value, target_unit, deadline_fiscal_year,
       deadline_ja, deadline_en, scope_ja, scope_en, quote, line, source_ja, indicator_code, indicator_breakdown_code,
       indicator_group_code, link_note_ja, link_note_en
from targets order by topic_code, target_code
