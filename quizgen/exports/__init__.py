"""Stage 3b, exports: a `QuestionSet` in, files for teachers and Anki out.

Takes in: question sets (and, for Anki, the fact base they came from).
Gives out: GIFT and Aiken for Moodle, CSV for spreadsheets, a Markdown worksheet, Anki decks.

Start reading at `formats` (the format names and `export`, the one door to every exporter).
One module per format: `gift`, `aiken`, `csv_table`, `markdown`, `anki` (one note per fact,
built in `anki_notes`; the note type in `anki_note_types`). `recipes` and `build` regenerate
the decks under `decks/`. Never imports `quizgen.study`.
"""
