-- The indicators (published tables) of one topic, with their metadata.
-- $topic_code: a topic code
select indicator_code, label_ja, label_en, title_ja, title_en, figure_title_ja, figure_title_en, definition_ja, definition_en,
       unit, count_unit, breakdown_dimension_ja, breakdown_dimension_en, source_ja, section_ja,
       printed_first_line, printed_last_line
from indicators
where topic_code = $topic_code
order by sort_order
