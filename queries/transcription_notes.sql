-- Our transcription notes and judgements on one indicator, in Japanese and English.
-- $indicator_code
select note_ja, note_en from transcription_notes where indicator_code = $indicator_code order by note_order
