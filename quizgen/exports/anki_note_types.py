"""The Anki note types quizgen ships: fields, card templates, CSS and the tap-to-answer script.

Each note type has an id generated once and written here. Anki identifies a note type by that id
and its field list: renaming, adding or reordering a field under the same id makes Anki copy the
note type and refuse to update existing notes. So a change of fields means a new id and a new
name ("... v2"); a change of templates or CSS only keeps both.

Templates never contain `{{` or `}}` except around field names: Anki reads those as fields, even
inside a script.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

MULTIPLE_CHOICE_ID = 1815853140
BASIC_ID = 1013803851
CLOZE_ID = 1112338361

MULTIPLE_CHOICE_FIELDS = (
    "Question",
    "Options",
    "Key",
    "Explanation",
    "Citation",
    "FactId",
    "QuestionId",
)
BASIC_FIELDS = ("Front", "Back", "Explanation", "Citation", "FactId", "QuestionId")
CLOZE_FIELDS = ("Text", "Extra", "FactId")

#: Where the front's script leaves the learner's pick for the back to read.
PICK_KEY = "quizgen-pick"


@dataclass(frozen=True, slots=True)
class NoteType:
    """What genanki needs to build one note type; a fresh `genanki.Model` is made per export."""

    id: int
    name: str
    fields: tuple[str, ...]
    front: str
    back: str
    cloze: bool = False

    def model_args(self) -> dict[str, Any]:
        """Keyword arguments for `genanki.Model` (new lists each time: genanki mutates them)."""
        return {
            "model_id": self.id,
            "name": self.name,
            "fields": [{"name": name} for name in self.fields],
            "templates": [{"name": "Card 1", "qfmt": self.front, "afmt": self.back}],
            "css": CSS,
            "model_type": 1 if self.cloze else 0,  # genanki.Model.CLOZE / FRONT_BACK
        }


# The front forgets any earlier pick, then records a tap on an option (by the question's id, so
# a pick never leaks into another card). Every step is guarded: a client without sessionStorage
# or with scripts off still shows a readable card.
FRONT_SCRIPT = """<script>
(function () {
  var card = document.getElementById("qg-card");
  var box = document.getElementById("qg-options");
  if (!card || !box) { return; }
  var store = null;
  try {
    store = window.sessionStorage;
    store.removeItem("__PICK_KEY__");
  } catch (e) { store = null; }
  var items = box.getElementsByTagName("li");
  function pick(item) {
    for (var i = 0; i < items.length; i++) { items[i].classList.remove("qg-picked"); }
    item.classList.add("qg-picked");
    if (!store) { return; }
    var value = card.getAttribute("data-qid") + "|" + item.getAttribute("data-index");
    try { store.setItem("__PICK_KEY__", value); } catch (e) { /* private mode: no pick */ }
  }
  for (var i = 0; i < items.length; i++) {
    items[i].setAttribute("role", "button");
    items[i].setAttribute("tabindex", "0");
    items[i].addEventListener("click", pick.bind(null, items[i]));
  }
})();
</script>""".replace("__PICK_KEY__", PICK_KEY)

# The back marks the learner's pick and says whether it was right; the key is marked by the
# template and CSS alone, so it shows without this script too.
BACK_SCRIPT = """<script>
(function () {
  var card = document.getElementById("qg-card");
  var box = document.getElementById("qg-options");
  var verdict = document.getElementById("qg-verdict");
  if (!card || !box || !verdict) { return; }
  var value = null;
  try { value = window.sessionStorage.getItem("__PICK_KEY__"); } catch (e) { return; }
  if (!value) { return; }
  var cut = value.lastIndexOf("|");
  if (value.slice(0, cut) !== card.getAttribute("data-qid")) { return; }
  var items = box.getElementsByTagName("li");
  for (var i = 0; i < items.length; i++) {
    if (items[i].getAttribute("data-index") !== value.slice(cut + 1)) { continue; }
    var right = items[i].classList.contains("qg-key");
    items[i].classList.add("qg-picked", right ? "qg-right" : "qg-wrong");
    verdict.textContent = (right ? "Right: you picked " : "Not quite: you picked ")
      + items[i].getAttribute("data-label") + ".";
    verdict.className = "qg-verdict " + (right ? "qg-right" : "qg-wrong");
    verdict.removeAttribute("hidden");
  }
})();
</script>""".replace("__PICK_KEY__", PICK_KEY)

_SOURCES = (
    '{{#Explanation}}<div class="qg-explanation">{{Explanation}}</div>{{/Explanation}}\n'
    '{{#Citation}}<div class="qg-citation"><div class="qg-label">Sources</div>'
    "{{Citation}}</div>{{/Citation}}\n"
)

MULTIPLE_CHOICE = NoteType(
    MULTIPLE_CHOICE_ID,
    "quizgen multiple choice v1",
    MULTIPLE_CHOICE_FIELDS,
    front=(
        '<div class="qg qg-front" id="qg-card" data-qid="{{QuestionId}}">\n'
        '<div class="qg-question">{{Question}}</div>\n'
        '<div class="qg-options-box" id="qg-options">{{Options}}</div>\n'
        "</div>\n" + FRONT_SCRIPT
    ),
    back=(
        '<div class="qg qg-back" id="qg-card" data-qid="{{QuestionId}}">\n'
        '<div class="qg-question">{{Question}}</div>\n'
        '<div class="qg-options-box" id="qg-options">{{Options}}</div>\n'
        '<div class="qg-verdict" id="qg-verdict" hidden></div>\n'
        '<div class="qg-answer"><span class="qg-label">Answer:</span> {{Key}}</div>\n'
        + _SOURCES
        + '<div class="qg-meta">{{FactId}}</div>\n'
        "</div>\n" + BACK_SCRIPT
    ),
)

BASIC = NoteType(
    BASIC_ID,
    "quizgen basic v1",
    BASIC_FIELDS,
    front='<div class="qg qg-front"><div class="qg-question">{{Front}}</div></div>',
    back=(
        '<div class="qg qg-back"><div class="qg-question">{{Front}}</div>\n'
        '<hr id="answer">\n'
        '<div class="qg-answer">{{Back}}</div>\n'
        + _SOURCES
        + '<div class="qg-meta">{{FactId}}</div></div>'
    ),
)

CLOZE = NoteType(
    CLOZE_ID,
    "quizgen cloze v1",
    CLOZE_FIELDS,
    front='<div class="qg qg-front"><div class="qg-question">{{cloze:Text}}</div></div>',
    back=(
        '<div class="qg qg-back"><div class="qg-question">{{cloze:Text}}</div>\n'
        '{{#Extra}}<div class="qg-extra">{{Extra}}</div>{{/Extra}}\n'
        '<div class="qg-meta">{{FactId}}</div></div>'
    ),
    cloze=True,
)

NOTE_TYPES = (MULTIPLE_CHOICE, BASIC, CLOZE)

# Colours as variables, set once for light and once for night mode (desktop and AnkiMobile put
# `nightMode` on the card or body, older AnkiDroid `night_mode` on the body).
CSS = """\
.card {
  --qg-text: #1f2328; --qg-muted: #59636e; --qg-bg: #ffffff; --qg-panel: #f6f8fa;
  --qg-line: #d1d9e0; --qg-accent: #0969da; --qg-right: #1a7f37; --qg-right-bg: #dafbe1;
  --qg-wrong: #cf222e; --qg-wrong-bg: #ffebe9;
  font-family: -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif;
  font-size: 20px; line-height: 1.45; text-align: left;
  color: var(--qg-text); background-color: var(--qg-bg);
}
.card.nightMode, .nightMode .card, .night_mode .card {
  --qg-text: #e6edf3; --qg-muted: #9198a1; --qg-bg: #1f1f1f; --qg-panel: #2b2f36;
  --qg-line: #3d444d; --qg-accent: #4493f8; --qg-right: #3fb950; --qg-right-bg: #12361f;
  --qg-wrong: #f85149; --qg-wrong-bg: #3d1418;
}
.qg { max-width: 40em; margin: 0 auto; padding: 0 0.5em; overflow-wrap: anywhere; }
.qg-question { font-weight: 600; margin: 0.4em 0 0.8em; }
.qg-options { list-style: none; margin: 0; padding: 0; }
.qg-options li {
  margin: 0 0 0.5em; padding: 0.6em 0.8em;
  border: 2px solid var(--qg-line); border-radius: 10px; background: var(--qg-panel);
  cursor: pointer; -webkit-tap-highlight-color: transparent;
}
.qg-letter { font-weight: 700; color: var(--qg-muted); }
.qg-front .qg-options li.qg-picked { border-color: var(--qg-accent); }
.qg-back .qg-options li { cursor: default; }
.qg-back .qg-options li.qg-key { border-color: var(--qg-right); background: var(--qg-right-bg); }
.qg-back .qg-options li.qg-key::after { content: " \\2714"; color: var(--qg-right); }
.qg-back .qg-options li.qg-wrong { border-color: var(--qg-wrong); background: var(--qg-wrong-bg); }
.qg-back .qg-options li.qg-wrong::after { content: " \\2718"; color: var(--qg-wrong); }
.qg-verdict { font-weight: 700; margin: 0.6em 0; }
.qg-verdict[hidden] { display: none; }
.qg-verdict.qg-right { color: var(--qg-right); }
.qg-verdict.qg-wrong { color: var(--qg-wrong); }
.qg-answer { font-size: 1.1em; margin: 0.8em 0; }
.qg-answer ol { margin: 0.3em 0; padding-left: 1.5em; }
.qg-label { font-weight: 700; color: var(--qg-muted); }
.qg-explanation, .qg-extra { margin: 0.8em 0; }
.qg-citation, .qg-meta { font-size: 0.8em; color: var(--qg-muted); }
.qg-citation { border-top: 1px solid var(--qg-line); padding-top: 0.5em; margin-top: 1em; }
.qg-source { margin: 0.3em 0; }
.qg-meta { margin-top: 0.8em; font-family: monospace; }
.qg hr { border: 0; border-top: 1px solid var(--qg-line); }
.cloze { font-weight: 700; color: var(--qg-accent); }
@media (max-width: 480px) {
  .card { font-size: 18px; }
  .qg { padding: 0; }
  .qg-options li { padding: 0.7em 0.6em; }
}
"""
