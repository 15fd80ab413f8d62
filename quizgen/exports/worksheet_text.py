"""What a paper worksheet says, whatever its markup (Markdown or the printable HTML page): the
instructions, the verified line, and each question's line in the answer key."""

from __future__ import annotations

from dataclasses import dataclass

from quizgen.questions.model import Form, Question, option_letter

INSTRUCTIONS_LEAD = "Instructions:"
INSTRUCTIONS = (
    "circle the letter of the one best answer. For a true/false statement, circle True or"
    " False. To put events in order, write 1 in the blank of the earliest, 2 in the next, and"
    " so on."
)
#: In the answer key, under a question whose every fact a reviewer approved.
VERIFIED_LINE = "Verified by hand against its documents."


@dataclass(frozen=True, slots=True)
class KeyLine:
    """A question's answer-key line: what to mark (shown bold), then how to read it.

    `how` holds plain text only in `before` (instructions), and `answer` is the key's text, to
    be escaped by the format."""

    mark: str
    before: str
    answer: str


def key_line(question: Question) -> KeyLine:
    """`B` then the key; `True`/`False`; for an ordering question the letters in order, where
    to write which number, and the events in order."""
    if question.form is Form.TIMELINE_ORDER:
        assert isinstance(question.answer, tuple)
        order = ", ".join(option_letter(i) for i in question.answer)
        places = ", ".join(
            f"{option_letter(i)} = {question.answer.index(i) + 1}"
            for i in range(len(question.options))
        )
        return KeyLine(order, f" (write {places}): ", question.right_answer_text())
    if question.form is Form.TRUE_FALSE:
        return KeyLine(question.options[question.key_index], "", "")
    return KeyLine(option_letter(question.key_index), ": ", question.options[question.key_index])
