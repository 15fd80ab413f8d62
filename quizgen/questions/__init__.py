"""Stage 2, questions: a `FactBase` in, a `QuestionSet` out (and question-set files).

Takes in: a fact base, `generator.GenerateOptions` and a seed.
Gives out: `model.QuestionSet`, a pure function of the three (no clock, no global randomness).

Start reading at `generator.generate_set`. Wrong options come from `distractors`, where the key
sits from `placement`, timeline questions from `timeline`, test variants from `variants`;
`answer_span` finds an answer in its statement; `option_text` compares options as a learner
would. `set_file` reads and writes question-set YAML. Imports only `quizgen.facts` (and the
shared `errors`, `gcpause`, `plural`).
"""
