-- One indicator's metadata.
-- $indicator_code
select indicator_code, topic_code, label_ja, label_en, title_ja, title_en, figure_title_ja, figure_title_en, definition_ja, definition_en,
       unit, count_unit, breakdown_dimension_ja, breakdown_dimension_en, source_ja, section_ja,
       printed_first_line, printed_last_line
from indicators
where indicator_code = $indicator_code
