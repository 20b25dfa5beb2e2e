-- Figures the body text states beside 別紙1, with the line they are printed on.
select figure_code, topic_code, label_ja, label_en, fiscal_year, as_of, as_of_note, group_label_printed, value,
       value_printed, unit, qualifier, quote, line, source_ja
from body_figures order by topic_code, fiscal_year, figure_code
