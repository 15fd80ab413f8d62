"""Stage 3a, study: a `QuestionSet` in, a learner's quiz session and saved progress out.

Takes in: question sets (`quizgen.questions`) and a progress folder.
Gives out: sessions in the terminal, answers and FSRS cards in SQLite, stats.

Start reading at `quiz` (what the `quiz` and `review` commands run). `session` holds the session
logic (choosing, rounds, scoring) with no input or output; `terminal` is the only module that
imports questionary and prompt_toolkit; `plan` ties a session to the `progress` store;
`scheduling` wraps FSRS; `stats` sums up the history. Never imports `quizgen.exports`.
"""
