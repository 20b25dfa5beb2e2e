-- The （注） notes printed with one indicator, in printed order (Japanese, as printed).
-- $indicator_code
select note_ja from indicator_notes where indicator_code = $indicator_code order by note_order
